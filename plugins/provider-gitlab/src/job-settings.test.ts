// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally

import { job, modelOf, t } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { artifactsBlock, expireIn, markerScript } from "./artifacts";
import { checkoutVariables } from "./checkout";
import { runnerSettings } from "./runners";
import { globalVariables, jobEnv } from "./variables";

describe("runnerSettings", () => {
  it("uses the class's gitlab settings as given, else the built-in hosted runner tags", () => {
    expect(
      runnerSettings(job("j", { runner: { className: "big", settingsJson: '{"tags":["gpu"]}' } })).settings,
    ).toEqual({
      tags: ["gpu"],
    });
    expect(runnerSettings(job("j")).settings).toEqual({});
    expect(runnerSettings(job("j", { runner: { className: "large" } })).settings).toEqual({
      tags: ["saas-linux-large-amd64"],
    });
    expect(runnerSettings(job("j", { arch: "arm64" })).settings).toEqual({ tags: ["saas-linux-small-arm64"] });
  });

  it("refuses a class without settings or default, and settings that are not an object", () => {
    const unknown = runnerSettings(job("j", { runner: { className: "xlarge" }, arch: "arm64" }));
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(["GITLAB-003"]);
    expect(unknown.diagnostics[0].message).toBe(
      'job "j": runner "xlarge" on arm64 has no gitlab settings and no built-in default on the gitlab provider',
    );
    const bad = runnerSettings(job("j", { runner: { className: "x", settingsJson: "[1]" } }));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["GITLAB-009"]);
  });
});

describe("checkoutVariables", () => {
  it("writes depth, submodules and LFS explicitly, or turns the checkout off", () => {
    expect(checkoutVariables(job("j"))).toEqual([
      ["GIT_DEPTH", "1"],
      ["GIT_LFS_SKIP_SMUDGE", "1"],
    ]);
    expect(checkoutVariables(job("j", { checkout: { enabled: true, depth: 0, submodules: true, lfs: true } }))).toEqual(
      [
        ["GIT_DEPTH", "0"],
        ["GIT_SUBMODULE_STRATEGY", "recursive"],
      ],
    );
    expect(checkoutVariables(job("j", { checkout: { enabled: false } }))).toEqual([["GIT_STRATEGY", "none"]]);
  });
});

describe("variables", () => {
  it("keeps global env global and lists only what a job changes", () => {
    const env = [{ name: "A", value: t("1") }];
    const globals = globalVariables(modelOf([], { env }));
    expect(globals).toEqual({ A: "1" });
    const j = job("j", {
      env: [
        ...env,
        { name: "B", value: t("$x {{ env.A }} {{ git.sha }}") },
        { name: "TOKEN", value: t("{{ secrets.TOKEN }}") },
      ],
    });
    expect(jobEnv(j, globals)).toEqual({ variables: [["B", "$$x ${A} ${CI_COMMIT_SHA}"]], exports: [] });
  });

  it("exports values with checksums from the script, since GitLab cannot compute them", () => {
    const j = job("j", { env: [{ name: "SUM", value: t('v-{{ checksum "go.sum" }}') }] });
    expect(jobEnv(j, {}).exports).toEqual([
      `cigen_sum_1="$( (cat 'go.sum' 2>/dev/null || true) | sha256sum | cut -c 1-64)"\nexport SUM="v-\${cigen_sum_1}"`,
    ]);
  });
});

describe("artifacts", () => {
  it("rounds retention to days when it can and keeps the longest", () => {
    expect(expireIn(24)).toBe("1 day");
    expect(expireIn(72)).toBe("3 days");
    expect(expireIn(12)).toBe("12 hours");
    expect(
      artifactsBlock([
        { path: "a/", retentionHours: 12, name: "j-0" },
        { path: "b/", retentionHours: 48, name: "j-1" },
      ] as never),
    ).toEqual({ paths: ["a/", "b/"], expire_in: "2 days" });
  });

  it("adds the success marker for jobs an OR gate checks", () => {
    expect(artifactsBlock([], "build")).toEqual({ paths: [".cigen/succeeded/build"], expire_in: "1 day" });
    expect(markerScript("build")).toBe('mkdir -p .cigen/succeeded && echo "$CI_PIPELINE_ID" > .cigen/succeeded/build');
    expect(artifactsBlock([])).toBeUndefined();
  });
});
