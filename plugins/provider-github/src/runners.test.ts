import { describe, expect, it } from "vitest";
import { INVALID_PROVIDER_CONFIG, UNKNOWN_RUNNER } from "./codes";
import { builtInRunsOn, runnerKeys } from "./runners";
import { job } from "./test-models";

describe("builtInRunsOn", () => {
  it("maps the standard classes on amd64 and arm64", () => {
    expect(builtInRunsOn("default", "")).toBe("ubuntu-latest");
    expect(builtInRunsOn("", "amd64")).toBe("ubuntu-latest");
    expect(builtInRunsOn("medium", "amd64")).toBe("ubuntu-latest");
    expect(builtInRunsOn("large", "amd64")).toBe("ubuntu-latest-8-cores");
    expect(builtInRunsOn("xlarge", "")).toBe("ubuntu-latest-16-cores");
    expect(builtInRunsOn("default", "arm64")).toBe("ubuntu-24.04-arm");
    expect(builtInRunsOn("large", "arm64")).toBeUndefined();
    expect(builtInRunsOn("gpu", "")).toBeUndefined();
  });
});

describe("runnerKeys", () => {
  it("uses the built-in label when the class has no github settings", () => {
    expect(runnerKeys(job("a", { arch: "arm64" }))).toEqual({
      keys: { "runs-on": "ubuntu-24.04-arm" },
      diagnostics: [],
    });
  });

  it("uses the class's github settings, runs-on first", () => {
    const settingsJson = JSON.stringify({ "timeout-minutes": 5, "runs-on": { group: "big" } });
    const { keys } = runnerKeys(job("a", { runner: { className: "big", settingsJson } }));
    expect(keys).toEqual({ "runs-on": { group: "big" }, "timeout-minutes": 5 });
    expect(Object.keys(keys)[0]).toBe("runs-on");
  });

  it("keeps the built-in label when settings only add other keys", () => {
    const settingsJson = JSON.stringify({ "timeout-minutes": 5 });
    expect(runnerKeys(job("a", { runner: { className: "large", settingsJson } })).keys).toEqual({
      "runs-on": "ubuntu-latest-8-cores",
      "timeout-minutes": 5,
    });
  });

  it("reports a class with neither settings nor a built-in default", () => {
    const { keys, diagnostics } = runnerKeys(job("a", { runner: { className: "gpu" } }));
    expect(keys).toEqual({});
    expect(diagnostics.map((d) => d.code)).toEqual([UNKNOWN_RUNNER]);
    expect(diagnostics[0].message).toContain('runner "gpu"');
    expect(diagnostics[0].fixHint).toContain("runners.gpu.github");
  });

  it("reports settings that are not JSON", () => {
    const { diagnostics } = runnerKeys(job("a", { runner: { className: "x", settingsJson: "{" } }));
    expect(diagnostics.map((d) => d.code)).toEqual([INVALID_PROVIDER_CONFIG]);
  });
});
