import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const codes = (d: { diagnostics: { code: string }[] }) => d.diagnostics.map((x) => x.code);
const lock = (ruby?: string) =>
  [
    "GEM",
    "  remote: https://rubygems.org/",
    "  specs:",
    "    rake (13.1.0)",
    "",
    "PLATFORMS",
    "  x86_64-linux",
    "",
    "DEPENDENCIES",
    "  rake",
    ...(ruby ? ["", "RUBY VERSION", `   ruby ${ruby}`] : []),
    "",
    "BUNDLED WITH",
    "   2.5.6",
    "",
  ].join("\n");
const gemfile = (directive = "") => `source "https://rubygems.org"\n${directive}\ngem "rake"\n`;
const detect = (files: Record<string, string>) =>
  detectIn(module, { Gemfile: gemfile(), "Gemfile.lock": lock(), ...files });

describe("lang/ruby version sources", () => {
  it("reads .ruby-version, also as rvm writes it", async () => {
    const plain = await detect({ ".ruby-version": "3.3.0\n" });
    expect([plain.facts.version, plain.facts.version_source, codes(plain)]).toEqual(["3.3.0", ".ruby-version", []]);
    const rvm = await detect({ ".ruby-version": "ruby-3.2.2\n" });
    expect(rvm.facts.version).toBe("3.2.2");
    const at = rvm.signals.find((s) => s.name === "version")?.evidence;
    expect([at?.file, at?.line, at?.column]).toEqual([".ruby-version", 1, 1]);
  });

  it("reads .tool-versions", async () => {
    const found = await detect({ ".tool-versions": "nodejs 20.11.1\nruby 3.1.4\n" });
    expect([found.facts.version, found.facts.version_source]).toEqual(["3.1.4", ".tool-versions"]);
  });

  it("reads the Gemfile's ruby directive, a requirement as its lowest release line", async () => {
    const cases: Record<string, string> = {
      'ruby "3.3.0"': "3.3.0",
      "ruby '~> 3.2.0'": "3.2",
      'ruby "~> 3.2"': "3.2",
      'ruby ">= 3.1", "< 4"': "3.1",
    };
    for (const [directive, version] of Object.entries(cases)) {
      const found = await detect({ Gemfile: gemfile(directive) });
      expect([found.facts.version, found.facts.version_source, codes(found)]).toEqual([version, "Gemfile", []]);
    }
    const found = await detect({ Gemfile: gemfile('ruby "3.3.0"') });
    const at = found.signals.find((s) => s.name === "version")?.evidence;
    expect([at?.file, at?.line, at?.column, at?.snippet]).toEqual(["Gemfile", 2, 7, 'ruby "3.3.0"']);
  });

  it("reads Gemfile.lock's RUBY VERSION without the patch level", async () => {
    const found = await detect({ "Gemfile.lock": lock("3.3.0p0") });
    expect([found.facts.version, found.facts.version_source]).toEqual(["3.3.0", "Gemfile.lock RUBY VERSION"]);
    expect(found.signals.find((s) => s.name === "version")?.evidence?.line).toBe(13);
  });

  it("takes the first source and warns about each that disagrees, naming both places", async () => {
    const found = await detect({
      ".ruby-version": "3.3.0\n",
      ".tool-versions": "ruby 3.3.0\n",
      Gemfile: gemfile('ruby "~> 3.2.0"'),
      "Gemfile.lock": lock("3.2.2p53"),
    });
    expect([found.facts.version, found.facts.version_source]).toEqual(["3.3.0", ".ruby-version"]);
    expect(found.diagnostics.map((d) => [d.code, d.message, d.loc?.file])).toEqual([
      [
        "RUBY-001",
        "ruby versions disagree: .ruby-version says 3.3.0 (used), Gemfile says >=3.2.0 <3.3 (Gemfile:2)",
        ".ruby-version",
      ],
      [
        "RUBY-001",
        "ruby versions disagree: .ruby-version says 3.3.0 (used), Gemfile.lock RUBY VERSION says 3.2.2 (Gemfile.lock:13)",
        ".ruby-version",
      ],
    ]);
  });

  it("does not warn when a requirement admits the pinned version", async () => {
    const found = await detect({
      ".ruby-version": "3.3.0",
      Gemfile: gemfile('ruby "~> 3.2"'),
      "Gemfile.lock": lock("3.3.0p0"),
    });
    expect([found.facts.version, codes(found)]).toEqual(["3.3.0", []]);
  });

  it("uses the default 3.3 with a warning when nothing pins a version", async () => {
    const found = await detect({});
    expect([found.facts.version, found.facts.version_source, codes(found)]).toEqual(["3.3", "default", ["RUBY-002"]]);
  });

  it("ignores versions of other engines and computed directives", async () => {
    const found = await detect({ ".ruby-version": "jruby-9.4.5.0\n", Gemfile: gemfile('ruby file: ".ruby-version"') });
    expect([found.facts.version, codes(found)]).toEqual(["3.3", ["RUBY-003", "RUBY-002"]]);
  });
});
