/**
 * Runs the Buildkite skipping wiring for real, minus Buildkite: the real `cigen generate` writes the
 * planning step, whose command runs with bash in a temporary git repository against a dir store,
 * with `buildkite-agent` replaced by a script that keeps the pipeline it is asked to upload. The
 * uploaded steps' commands then run (after the upload's `$$` -> `$`), so their records write the
 * store. First run: every job is uploaded; second: none; change an input: that job is back.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { afterUpload } from "../../../plugins/provider-buildkite/src/upload-escape";
import { commitAll, commitFile, generate, shellEnv, skipRepo, stubKeeping } from "../../support/skip-harness";

type Step = { key: string; command: string; depends_on?: string[] };

const CONFIG = `providers: [buildkite]
skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: echo "built $BUILDKITE_BRANCH"
  test:
    needs: [build]
    source_files: ["test/**"]
    steps:
      - run: grep -q pass test/t.txt
  always:
    steps:
      - run: echo always
`;

let repo: string;
let plan: Step;

/** A push build of main on Buildkite, with the stub first on PATH. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const buildkite = { BUILDKITE: "true", BUILDKITE_BRANCH: "main", BUILDKITE_PIPELINE_DEFAULT_BRANCH: "main" };
  return { ...shellEnv(repo, { stubs: true }), ...buildkite, BUILDKITE_PULL_REQUEST: "false", ...extra };
}

/** Runs a command as the agent does (bash -e -c, after the upload's interpolation); true when it passed. */
function runCommand(command: string, extra: Record<string, string> = {}): boolean {
  const script = afterUpload(command);
  expect(script, command).toBeDefined();
  const r = spawnSync("bash", ["-e", "-c", script as string], { cwd: repo, encoding: "utf8", env: env(extra) });
  return r.status === 0;
}

/** Runs the planning step and returns the steps it uploaded, by key. */
function uploaded(extra: Record<string, string> = {}): Record<string, Step> {
  writeFileSync(join(repo, ".stubs", "uploaded.yml"), "");
  expect(runCommand(plan.command, extra)).toBe(true);
  expect(readFileSync(join(repo, ".stubs", "args"), "utf8").trim()).toBe("pipeline upload");
  const pipeline = parse(readFileSync(join(repo, ".stubs", "uploaded.yml"), "utf8"));
  return Object.fromEntries((pipeline.steps as Step[]).map((s) => [s.key, s]));
}

beforeAll(async () => {
  repo = skipRepo(
    {
      "cigen.yml": CONFIG,
      "src/a.txt": "a\n",
      "test/t.txt": "pass\n",
      ".gitignore": "node_modules/\n.cigen-store/\n.stubs/\n",
    },
    { "buildkite-agent": stubKeeping("uploaded.yml") },
  );
  plan = parse(await generate(repo, ".buildkite/pipeline.yml")).steps[0];
  commitAll(repo);
}, 120_000);

describe("buildkite skipping, run for real", () => {
  it("uploads every job, records them after success, then uploads only the never-skipped one", () => {
    expect(plan.key).toBe("cigen-plan");
    const first = uploaded();
    expect(Object.keys(first)).toEqual(["build", "test", "always"]);
    for (const step of Object.values(first)) expect(runCommand(step.command)).toBe(true);
    expect(Object.keys(uploaded())).toEqual(["always"]);
  }, 420_000);

  it("uploads only the job whose input changed, without depending on its skipped upstream", () => {
    commitFile(repo, "test/t.txt", "pass again\n");
    const steps = uploaded();
    expect(Object.keys(steps)).toEqual(["test", "always"]);
    expect(steps.test.depends_on).toBeUndefined();
    expect(runCommand(steps.test.command)).toBe(true);
    expect(Object.keys(uploaded())).toEqual(["always"]);
  }, 420_000);

  it("never records after a failure, and not from a pull request", () => {
    commitFile(repo, "test/t.txt", "fail\n");
    expect(runCommand(uploaded().test.command)).toBe(false);
    commitFile(repo, "test/t.txt", "pass from a pull request\n");
    const pr = { BUILDKITE_PULL_REQUEST: "7", BUILDKITE_BRANCH: "feature" };
    expect(runCommand(uploaded(pr).test.command, pr)).toBe(true);
    expect(Object.keys(uploaded())).toEqual(["test", "always"]);
  }, 420_000);

  it("fails the plan instead of uploading nothing when cigen fails", () => {
    writeFileSync(join(repo, "cigen.yml"), "jobs: [");
    expect(runCommand(plan.command)).toBe(false);
    execFileSync("git", ["checkout", "-q", "cigen.yml"], { cwd: repo });
  }, 420_000);
});
