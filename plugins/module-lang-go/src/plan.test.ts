import { planIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";
import { describeStep, shellcheck, show } from "./test-support";

const job = { jobId: "test", baseId: "test", packages: ["go"] };
const files = { "go.mod": "module example.com/app\n\ngo 1.22.0\n", "go.sum": "", ".go-version": "1.22.5\n" };

describe("lang/go plan", () => {
  it("sets up Go, downloads the modules and caches them keyed on go.sum", async () => {
    const r = await planIn(module, files, [job]);
    const [c] = r.contributions;
    const [setup, download] = c.setupSteps.map(describeStep);
    expect(setup.slice(0, 2)).toEqual(["Set up go 1.22.5", "setup go 1.22.5 golang:1.22.5"]);
    expect(setup[2]).toContain("if GOTOOLCHAIN=local go version 2>/dev/null | grep -Eq 'go1\\.22\\.5 '; then");
    expect(setup[2]).toContain("  go_version=go1.22.5\n");
    expect(download).toEqual([
      "Download Go modules",
      "run",
      'if [ "$(go env GOMODCACHE)" != "$HOME/go/pkg/mod" ]; then go env -w GOMODCACHE="$HOME/go/pkg/mod"; fi\ngo mod download',
    ]);
    expect(c.caches.map((k) => [k.name, show(k.key), show(k.restoreKeys[0]), k.paths])).toEqual([
      [
        "go",
        "<platform:os>-<platform:arch>-go-1.22.5-<checksum:go.sum>",
        "<platform:os>-<platform:arch>-go-1.22.5-",
        ["~/go/pkg/mod", "~/.cache/go-build"],
      ],
    ]);
    expect(c.signatureFiles).toEqual([".go-version", "go.mod", "go.sum"]);
    expect(c.signatureValues).toEqual({ go: "1.22.5" });
    expect(r.diagnostics).toEqual([]);
  });

  it("finds the newest patch of a release line on go.dev when installing", async () => {
    const r = await planIn(module, { "go.mod": "module m\ngo 1.22\n" }, [job]);
    const [setup] = r.contributions[0].setupSteps.map(describeStep);
    expect(setup[1]).toBe("setup go 1.22 golang:1.22");
    expect(setup[2]).toContain("grep -Eq 'go1\\.22(\\.[0-9]+)? '");
    expect(setup[2]).toContain(
      `go_version="$(curl -fsSL 'https://go.dev/dl/?mode=json&include=all' | grep -Eo '"go1\\.22(\\.[0-9]+)?"'`,
    );
  });

  it("keys the cache on go.mod when there is no go.sum", async () => {
    const r = await planIn(module, { "go.mod": "module m\ngo 1.22\n" }, [job]);
    expect(show(r.contributions[0].caches[0].key)).toBe("<platform:os>-<platform:arch>-go-1.22-<checksum:go.mod>");
  });

  it("without go.mod sets up the default Go only, with its warning", async () => {
    const r = await planIn(module, { "main.go": "" }, [job]);
    const [c] = r.contributions;
    expect(c.setupSteps.map((s) => describeStep(s)[1])).toEqual(["setup go 1.23 golang:1.23"]);
    expect([c.caches, c.signatureFiles, c.signatureValues]).toEqual([[], [], { go: "1.23" }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["GO-002"]);
  });

  it("replaces a uses step, with: version overriding the detected one", async () => {
    const r = await planIn(module, files, [
      { jobId: "t", baseId: "t", uses: [{ stepIndex: 1, constraint: "^1", with: { version: "go1.23.2" } }] },
    ]);
    const [c] = r.contributions;
    expect(c.setupSteps).toEqual([]);
    expect(c.replacements.map((x) => [x.stepIndex, x.steps.map((s) => describeStep(s)[1])])).toEqual([
      [1, ["setup go 1.23.2 golang:1.23.2", "run"]],
    ]);
    expect(show(c.caches[0].key)).toBe("<platform:os>-<platform:arch>-go-1.23.2-<checksum:go.sum>");
    expect(c.signatureValues).toEqual({ go: "1.23.2" });
  });

  it("skips the download with install: false and warns about unknown inputs and bad versions", async () => {
    const r = await planIn(module, files, [
      { jobId: "t", baseId: "t", uses: [{ stepIndex: 0, with: { install: "false", version: "stable", cache: "x" } }] },
    ]);
    const [c] = r.contributions;
    expect(c.replacements[0].steps.map((s) => describeStep(s)[1])).toEqual(["setup go 1.22.5 golang:1.22.5"]);
    expect(c.caches).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["GO-004", "GO-005"]);
  });

  it("emits POSIX shell that shellcheck accepts, run steps also as Buildkite writes them", async () => {
    for (const goMod of ["module m\ngo 1.22\n", "module m\ngo 1.22.1\n"]) {
      const r = await planIn(module, { "go.mod": goMod }, [job]);
      for (const step of r.contributions[0].setupSteps) {
        const [, kind, script] = describeStep(step);
        const findings = shellcheck(script, { asBuildkite: kind === "run" });
        if (findings === undefined) return; // shellcheck is not installed here; the validators run it end to end
        expect(findings, script).toEqual([]);
      }
    }
  });
});
