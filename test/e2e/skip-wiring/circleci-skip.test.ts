/**
 * Runs the CircleCI skipping wiring for real, minus CircleCI: the real `cigen generate` writes the
 * setup config, then its shell runs with bash in a temporary git repository against a dir store,
 * with `curl` replaced by a script that keeps what would be sent to the continuation API. The
 * continued config's jobs then run step by step (honouring `when:`), so their record steps write
 * the store. First run: every job is continued; second: none; change an input: that job is back.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commitAll, commitFile, generate, shellEnv, skipRepo, stubKeeping } from "../../support/skip-harness";

type RunStep = { run?: { name?: string; command: string; when?: string } };
type CircleJob = { steps: (RunStep | Record<string, unknown>)[] };
type CircleConfig = {
  setup?: boolean;
  jobs: Record<string, CircleJob>;
  workflows: Record<string, { jobs: unknown[] }>;
};

const CONFIG = `providers: [circleci]
skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: echo build
  test:
    needs: [build]
    source_files: ["test/**"]
    steps:
      - run: grep -q pass test/t.txt
`;

let repo: string;
let setup: CircleConfig;

/** A push build of main on CircleCI, with the stubs first on PATH. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...shellEnv(repo, { stubs: true }), CIRCLECI: "true", CIRCLE_BRANCH: "main", ...extra };
}

/** Runs a job's run steps as CircleCI does (bash -eo pipefail), skipping by `when`; true when it passed. */
function runJob(job: CircleJob, extra: Record<string, string> = {}): boolean {
  let failed = false;
  for (const step of job.steps as RunStep[]) {
    if (!step.run) continue; // checkout, caches: the temporary repository is the checkout
    const when = step.run.when ?? "on_success";
    if ((when === "on_success" && failed) || (when === "on_fail" && !failed)) continue;
    const r = spawnSync("bash", ["-eo", "pipefail", "-c", step.run.command], {
      cwd: repo,
      encoding: "utf8",
      env: env(extra),
    });
    if (r.status !== 0) failed = true;
  }
  return !failed;
}

/** Runs the setup workflow and returns the config it continued with. */
function continued(extra: Record<string, string> = {}): CircleConfig {
  writeFileSync(join(repo, ".stubs", "sent.json"), "");
  expect(runJob(setup.jobs["cigen-setup"], { CIRCLE_CONTINUATION_KEY: "k-123", ...extra })).toBe(true);
  const body = JSON.parse(readFileSync(join(repo, ".stubs", "sent.json"), "utf8"));
  expect(body["continuation-key"]).toBe("k-123");
  expect(readFileSync(join(repo, ".stubs", "args"), "utf8")).toContain("https://circleci.com/api/v2/pipeline/continue");
  return parse(body.configuration);
}

beforeAll(async () => {
  repo = skipRepo(
    {
      "cigen.yml": CONFIG,
      "src/a.txt": "a\n",
      "test/t.txt": "pass\n",
      ".gitignore": "node_modules/\n.cigen-store/\n.stubs/\n",
    },
    { curl: stubKeeping("sent.json") },
  );
  setup = parse(await generate(repo, ".circleci/config.yml"));
  commitAll(repo);
}, 120_000);

describe("circleci skipping, run for real", () => {
  it("continues with every job, records them after success, then continues with none", () => {
    expect(setup.setup).toBe(true);
    const first = continued();
    expect(Object.keys(first.jobs)).toEqual(["build", "test"]);
    expect(runJob(first.jobs.build)).toBe(true);
    expect(runJob(first.jobs.test)).toBe(true);
    const second = continued();
    expect(Object.keys(second.jobs)).toEqual(["cigen-all-skipped"]);
    expect(runJob(second.jobs["cigen-all-skipped"])).toBe(true);
  }, 420_000);

  it("brings back only the job whose input changed, without its skipped upstream", () => {
    commitFile(repo, "test/t.txt", "pass again\n");
    const config = continued();
    expect(Object.keys(config.jobs)).toEqual(["test"]);
    expect(config.workflows.ci.jobs).toEqual(["test"]);
    expect(runJob(config.jobs.test)).toBe(true);
    expect(Object.keys(continued().jobs)).toEqual(["cigen-all-skipped"]);
  }, 420_000);

  it("runs downstream again when upstream changed (signatures include needs)", () => {
    commitFile(repo, "src/a.txt", "b\n");
    const config = continued();
    expect(Object.keys(config.jobs)).toEqual(["build", "test"]);
    expect(runJob(config.jobs.build)).toBe(true);
    expect(runJob(config.jobs.test)).toBe(true);
  }, 420_000);

  it("never records after a failure: the failed job is continued again", () => {
    commitFile(repo, "test/t.txt", "fail\n");
    const config = continued();
    expect(Object.keys(config.jobs)).toEqual(["test"]);
    expect(runJob(config.jobs.test)).toBe(false);
    expect(Object.keys(continued().jobs)).toEqual(["test"]);
  }, 420_000);

  it("does not record from a pull request build", () => {
    commitFile(repo, "test/t.txt", "pass from a pull request\n");
    const config = continued({ CIRCLE_PULL_REQUEST: "https://github.com/o/r/pull/1", CIRCLE_BRANCH: "feature" });
    expect(
      runJob(config.jobs.test, { CIRCLE_PULL_REQUEST: "https://github.com/o/r/pull/1", CIRCLE_BRANCH: "feature" }),
    ).toBe(true);
    expect(Object.keys(continued().jobs)).toEqual(["test"]);
  }, 420_000);
});
