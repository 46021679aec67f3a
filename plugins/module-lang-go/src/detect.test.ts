import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);
const GO_MOD = "module example.com/app\n\ngo 1.22.0\n";

describe("lang/go detect", () => {
  it("says nothing about a repository without go.mod", async () => {
    const r = await detectIn(module, { ".go-version": "1.22.1\n", "main.go": "package main\n" });
    expect([r.confidence, r.signals, r.facts, r.diagnostics]).toEqual([0, [], {}, []]);
  });

  it("sets up the go line of go.mod when nothing else pins a version, with the module and go.sum", async () => {
    const r = await detectIn(module, { "go.mod": GO_MOD, "go.sum": "" });
    expect(r.confidence).toBe(1);
    expect(r.facts).toEqual({
      package: "go",
      source_files: "**/*.go,go.mod,go.sum",
      lint: "go vet ./...",
      test: "go test ./...",
      build: "go build ./...",
      version: "1.22.0",
      version_source: "go.mod go",
      module: "example.com/app",
      lock_files: "go.sum",
    });
    const version = r.signals.find((s) => s.name === "version");
    expect([version?.value, version?.evidence?.line, version?.evidence?.column]).toEqual(["1.22.0", 3, 4]);
    expect(r.signals.map((s) => [s.name, s.value])).toEqual([
      ["version", "1.22.0"],
      ["module", "example.com/app"],
      ["lock_file", "go.sum"],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("takes the toolchain line when it is newer than the go line", async () => {
    const r = await detectIn(module, { "go.mod": `${GO_MOD}\ntoolchain go1.22.3\n` });
    expect([r.facts.version, r.facts.version_source]).toEqual(["1.22.3", "go.mod toolchain"]);
    expect(r.signals.find((s) => s.name === "version")?.evidence?.line).toBe(5);
  });

  it("ignores a toolchain line older than the go line, as the go command does", async () => {
    const r = await detectIn(module, { "go.mod": "module m\ngo 1.22.2\ntoolchain go1.21.0\n" });
    expect([r.facts.version, r.facts.version_source, r.diagnostics]).toEqual(["1.22.2", "go.mod go", []]);
  });

  it("prefers .go-version to the go line, which it satisfies", async () => {
    const r = await detectIn(module, { "go.mod": GO_MOD, ".go-version": "1.22.5\n" });
    expect([r.facts.version, r.facts.version_source, r.diagnostics]).toEqual(["1.22.5", ".go-version", []]);
    expect(r.facts.source_files).toBe("**/*.go,.go-version,go.mod");
  });

  it("reads .tool-versions by golang or go", async () => {
    const asdf = await detectIn(module, { "go.mod": "module m\n", ".tool-versions": "golang 1.21.6\n" });
    const mise = await detectIn(module, { "go.mod": "module m\n", ".tool-versions": "go 1.23\n" });
    expect([asdf.facts.version, asdf.facts.version_source, mise.facts.version]).toEqual([
      "1.21.6",
      ".tool-versions",
      "1.23",
    ]);
  });

  it("warns when a pin is older than go.mod allows, naming both places", async () => {
    const r = await detectIn(module, {
      "go.mod": GO_MOD,
      ".go-version": "1.21.6\n",
      ".tool-versions": "golang 1.21.6\n",
    });
    expect([r.facts.version, ...codes(r)]).toEqual(["1.21.6", "GO-001"]);
    expect(r.diagnostics[0].message).toBe(
      "go versions disagree: .go-version says 1.21.6 (used), go.mod go says >=1.22.0 (go.mod:3)",
    );
  });

  it("warns when the toolchain line and .go-version disagree; the toolchain wins", async () => {
    const r = await detectIn(module, {
      "go.mod": "module m\ngo 1.22\ntoolchain go1.23.1\n",
      ".go-version": "1.22.4\n",
    });
    expect([r.facts.version, ...codes(r)]).toEqual(["1.23.1", "GO-001"]);
    expect(r.diagnostics[0].message).toContain(".go-version says 1.22.4 (.go-version:1)");
  });

  it("uses 1.23 with a warning when nothing states a version", async () => {
    const r = await detectIn(module, { "go.mod": "module m\n" });
    expect([r.facts.version, r.facts.version_source, ...codes(r)]).toEqual(["1.23", "default", "GO-002"]);
  });

  it("ignores what names no Go release, with a warning", async () => {
    const r = await detectIn(module, { "go.mod": "module m\ngo 1.22\n", ".go-version": "latest\n" });
    expect([r.facts.version, ...codes(r)]).toEqual(["1.22", "GO-003"]);
  });

  it("suggests golangci-lint when it is configured", async () => {
    const r = await detectIn(module, { "go.mod": GO_MOD, ".golangci.yml": "linters: {}\n" });
    expect(r.facts.lint).toBe("golangci-lint run");
    expect(r.signals.find((s) => s.name === "linter")?.evidence?.file).toBe(".golangci.yml");
  });
});
