import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: "app", ...fields }, null, 2);
const codes = (d: { diagnostics: { code: string }[] }) => d.diagnostics.map((x) => x.code);
/** Detect over a repository that has a lock file, so the only warnings are about versions. */
const detect = (files: Record<string, string>) => detectIn(module, { "package-lock.json": "{}", ...files });

describe("lang/node version sources", () => {
  it("reads .nvmrc, skipping comments and a leading v", async () => {
    const found = await detect({ "package.json": pkg({}), ".nvmrc": "# team version\nv20.11.1\n" });
    expect([found.facts.version, found.facts.version_source, codes(found)]).toEqual(["20.11.1", ".nvmrc", []]);
    const signal = found.signals.find((s) => s.name === "version");
    expect([signal?.evidence?.file, signal?.evidence?.line, signal?.evidence?.column]).toEqual([".nvmrc", 2, 1]);
  });

  it("reads .node-version", async () => {
    const found = await detect({ "package.json": pkg({}), ".node-version": "18.19.0\n" });
    expect([found.facts.version, found.facts.version_source]).toEqual(["18.19.0", ".node-version"]);
  });

  it("reads .tool-versions under nodejs or node", async () => {
    const asdf = await detect({ "package.json": pkg({}), ".tool-versions": "ruby 3.3.0\nnodejs 20.10.0\n" });
    expect([asdf.facts.version, asdf.facts.version_source]).toEqual(["20.10.0", ".tool-versions"]);
    const mise = await detect({ "package.json": pkg({}), ".tool-versions": "node 21\n" });
    expect(mise.facts.version).toBe("21");
  });

  it("reads package.json volta.node with its position", async () => {
    const found = await detect({ "package.json": pkg({ volta: { node: "20.9.0" } }) });
    expect([found.facts.version, found.facts.version_source]).toEqual(["20.9.0", "package.json volta.node"]);
    const at = found.signals.find((s) => s.name === "version")?.evidence;
    expect([at?.file, at?.line, at?.snippet]).toEqual(["package.json", 4, '    "node": "20.9.0"']);
  });

  it("sets up the lowest release line of an engines.node range", async () => {
    const cases: Record<string, string> = { ">=20": "20", "^20.11.0": "20.11", ">=18 <21": "18", "20.x": "20" };
    for (const [range, line] of Object.entries(cases)) {
      const found = await detect({ "package.json": pkg({ engines: { node: range } }) });
      expect([found.facts.version, found.facts.version_source, codes(found)]).toEqual([
        line,
        "package.json engines.node",
        [],
      ]);
    }
  });

  it("takes the first source in priority order and warns about a disagreeing one, naming both places", async () => {
    const found = await detect({
      "package.json": pkg({ engines: { node: ">=22" }, volta: { node: "20.11.1" } }),
      ".nvmrc": "20.11.1\n",
      ".node-version": "20\n",
    });
    expect([found.facts.version, found.facts.version_source]).toEqual(["20.11.1", ".nvmrc"]);
    expect(codes(found)).toEqual(["NODE-001"]);
    const [conflict] = found.diagnostics;
    expect(conflict.message).toBe(
      "node versions disagree: .nvmrc says 20.11.1 (used), package.json engines.node says >=22 (package.json:4)",
    );
    expect([conflict.loc?.file, conflict.loc?.line]).toEqual([".nvmrc", 1]);
  });

  it(".node-version wins over .tool-versions and volta", async () => {
    const found = await detect({
      "package.json": pkg({ volta: { node: "18.0.0" } }),
      ".node-version": "20.1.0",
      ".tool-versions": "nodejs 19.0.0\n",
    });
    expect(found.facts.version).toBe("20.1.0");
    expect(found.diagnostics.map((d) => d.message)).toEqual([
      "node versions disagree: .node-version says 20.1.0 (used), .tool-versions says 19.0.0 (.tool-versions:1)",
      "node versions disagree: .node-version says 20.1.0 (used), package.json volta.node says 18.0.0 (package.json:4)",
    ]);
  });

  it("uses the default 22 with a warning when nothing pins a version", async () => {
    const found = await detect({ "package.json": pkg({}) });
    expect([found.facts.version, found.facts.version_source, codes(found)]).toEqual(["22", "default", ["NODE-002"]]);
    expect(found.signals.some((s) => s.name === "version")).toBe(false);
  });

  it("passes nvm aliases through and ignores what names no version", async () => {
    const lts = await detect({ "package.json": pkg({}), ".nvmrc": "lts/Iron\n" });
    expect(lts.facts.version).toBe("lts/iron");
    const junk = await detect({ "package.json": pkg({ engines: { node: "*" } }), ".nvmrc": "system\n" });
    expect([junk.facts.version, codes(junk)]).toEqual(["22", ["NODE-003", "NODE-003", "NODE-002"]]);
    expect(junk.diagnostics[0].message).toContain('.nvmrc says "system"');
  });
});
