import { describe, expect, it } from "vitest";
import { moduleCache } from "./cache";
import { agrees, pickVersion } from "./pick-version";
import { evidence, findInFile } from "./repo-files";
import { imageTag, serviceImage } from "./service";
import { tempRepo } from "./testing";
import { toolVersionsEntry } from "./tool-versions";

const codes = { conflict: "NODE-001", defaulted: "NODE-002" };
const at = (file: string, line: number) => ({ ...evidence(file), line });

describe("pickVersion", () => {
  it("takes the first source and warns about each one that disagrees, naming both places", () => {
    const picked = pickVersion(
      "node",
      [
        { version: "20.11.1", source: ".nvmrc", at: at(".nvmrc", 1) },
        { version: "20", source: ".node-version", at: at(".node-version", 1) },
        { version: ">=22", source: "package.json engines.node", at: at("package.json", 7) },
      ],
      "22",
      codes,
    );
    expect(picked.version).toBe("20.11.1");
    expect(picked.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "NODE-001",
        "node versions disagree: .nvmrc says 20.11.1 (used), package.json engines.node says >=22 (package.json:7)",
      ],
    ]);
    expect(picked.diagnostics[0].loc?.file).toBe(".nvmrc");
  });

  it("falls back to the default with a warning when nothing pins a version", () => {
    const picked = pickVersion("node", [], "22", codes);
    expect([picked.version, picked.source, picked.diagnostics[0].code]).toEqual(["22", "default", "NODE-002"]);
  });

  it("reads prefixes and ranges the way version managers do", () => {
    expect(agrees("20", "20.11.1")).toBe(true);
    expect(agrees("3.12", "3.12.4")).toBe(true);
    expect(agrees("3.12", "3.11.9")).toBe(false);
    expect(agrees(">=18", "^20")).toBe(true);
    expect(agrees("^18", "20.1.0")).toBe(false);
    expect(agrees("lts/*", "20")).toBe(false);
  });
});

describe("reading the repository", () => {
  it("finds .tool-versions entries by any of the tool's names, with their position", () => {
    const root = tempRepo({ ".tool-versions": "# pins\nruby 3.3.0\nnodejs   20.11.1 18.0.0\n" });
    const entry = toolVersionsEntry(root, ["node", "nodejs"]);
    expect(entry?.version).toBe("20.11.1");
    expect([entry?.at.line, entry?.at.column, entry?.at.snippet]).toEqual([3, 10, "nodejs   20.11.1 18.0.0"]);
    expect(toolVersionsEntry(root, ["python"])).toBeUndefined();
  });

  it("points evidence at the captured group", () => {
    const root = tempRepo({ "go.mod": "module x\n\ngo 1.22.1\n" });
    const found = findInFile(root, "go.mod", /^go\s+(\S+)/m);
    expect([found?.value, found?.at.line, found?.at.column]).toEqual(["1.22.1", 3, 4]);
  });
});

describe("moduleCache", () => {
  it("keys on platform, name, versions and lock checksums, and falls back without the checksums", () => {
    const cache = moduleCache({
      name: "node",
      versions: ["20.11.1", "pnpm-9"],
      lockFiles: ["pnpm-lock.yaml"],
      paths: ["~/.pnpm-store"],
    });
    const show = (t: (typeof cache)["key"]) =>
      (t?.parts ?? [])
        .map((p) => (p.kind.case === "literal" ? p.kind.value : `<${p.kind.case}:${p.kind.value}>`))
        .join("");
    expect(show(cache.key)).toBe("<platform:os>-<platform:arch>-node-20.11.1-pnpm-9-<checksum:pnpm-lock.yaml>");
    expect(show(cache.restoreKeys[0])).toBe("<platform:os>-<platform:arch>-node-20.11.1-pnpm-9-");
  });
});

describe("service images", () => {
  it("uses the default for a bare name and the reference as written otherwise", () => {
    expect(serviceImage("postgres", "postgres:16")).toBe("postgres:16");
    expect(serviceImage("postgis/postgis:16-3.4", "postgres:16")).toBe("postgis/postgis:16-3.4");
    expect([imageTag("postgres:15.6"), imageTag("ghcr.io/x/redis"), imageTag("localhost:5000/pg:14")]).toEqual([
      "15.6",
      "latest",
      "14",
    ]);
  });
});
