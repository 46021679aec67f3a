import { describe, expect, it } from "vitest";
import { tempRepo } from "./testing";
import { readToml, type TomlFile, tomlEvidence, tomlString } from "./toml";
import { versionFileEntry } from "./version-file";

const parsed = (content: string): TomlFile => {
  const read = readToml(tempRepo({ "f.toml": content }), "f.toml");
  if (!read || !("toml" in read)) throw new Error("expected TOML");
  return read.toml;
};

describe("TOML evidence", () => {
  it("points at a key's value under its table header", () => {
    const toml = parsed('[project]\nname = "x"\n\n[tool.poetry.dependencies]\n  python = "^3.10"\n');
    const found = tomlString(toml, ["tool", "poetry", "dependencies", "python"]);
    expect([found?.value, found?.at.line, found?.at.column, found?.at.snippet]).toEqual([
      "^3.10",
      5,
      12,
      '  python = "^3.10"',
    ]);
  });

  it("finds dotted keys, quoted keys and keys inside inline tables", () => {
    const toml = parsed(
      'project.requires-python = ">=3.11"\n[package]\n"rust-version" = "1.70"\n[x]\ntoolchain = { channel = "1.77.0" }\n',
    );
    expect(tomlEvidence(toml, ["project", "requires-python"]).line).toBe(1);
    expect([
      tomlEvidence(toml, ["package", "rust-version"]).line,
      tomlString(toml, ["package", "rust-version"])?.value,
    ]).toEqual([3, "1.70"]);
    const inline = tomlEvidence(toml, ["x", "toolchain", "channel"]);
    expect([inline.line, inline.column]).toEqual([5, 15]);
  });

  it("falls back to the enclosing table, then to the file", () => {
    const toml = parsed("[tool.uv]\ndev-dependencies = []\n");
    expect(tomlEvidence(toml, ["tool", "uv"]).line).toBe(1);
    expect(tomlEvidence(toml, ["tool", "uv", "missing"]).line).toBe(1);
    expect(tomlEvidence(toml, ["other"])).toMatchObject({ file: "f.toml", line: 1, column: 1 });
  });

  it("reports a file that does not parse instead of throwing, and nothing for a missing one", () => {
    const root = tempRepo({ "bad.toml": "[table\n" });
    expect(readToml(root, "bad.toml")).toMatchObject({ error: expect.any(String) });
    expect(readToml(root, "missing.toml")).toBeUndefined();
  });
});

describe("version files", () => {
  it("takes the first entry that is not blank or a comment", () => {
    const root = tempRepo({ ".python-version": "# pinned\n\n  3.12.1\n3.11\n", empty: "# nothing\n" });
    const entry = versionFileEntry(root, ".python-version");
    expect([entry?.value, entry?.at.line, entry?.at.column]).toEqual(["3.12.1", 3, 3]);
    expect(versionFileEntry(root, "empty")).toBeUndefined();
    expect(versionFileEntry(root, "missing")).toBeUndefined();
  });
});
