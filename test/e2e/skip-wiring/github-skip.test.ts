/**
 * Runs the GitHub skipping wiring for real, minus GitHub: the real `cigen generate` writes the
 * workflow, then the shell of the planning job's steps and of the record steps runs with bash in
 * a temporary git repository against a dir store, with `${{ }}` and `if:` evaluated by GitHub's
 * expression library. The planning outputs must say run, then (after a record) skip, then run
 * again once an input changed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Contexts, holds, render } from "../../../plugins/provider-github/src/expression-evaluator";
import { commitAll, generate, shellEnv, skipRepo } from "../../support/skip-harness";

type Step = { id?: string; if?: string; env?: Record<string, string>; run?: string; uses?: string };
type Job = { outputs?: Record<string, string>; steps: Step[] };

const CONFIG = `skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: echo build
  test:
    needs: [build]
    source_files: ["test/**"]
    steps:
      - run: echo test
`;

let repo: string;
let jobs: Record<string, Job>;
/** A GitHub push to the default branch: inside CI, where recording is allowed. */
let ciEnv: Record<string, string>;

/** The environment of a step: a clean PATH with the repository's node_modules/.bin, and no CI markers but ours. */
function stepEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...shellEnv(repo),
    ...ciEnv,
    ...extra,
  };
}

/** Runs one `run:` step with bash -e (GitHub's default shell); returns the outputs it wrote. */
function runStep(step: Step, contexts: Contexts): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "cigen-gh-step-"));
  const outputFile = join(dir, "output");
  writeFileSync(outputFile, "");
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, render(v, contexts)]));
  const r = spawnSync("bash", ["-e", "-c", step.run!], {
    cwd: repo,
    encoding: "utf8",
    env: stepEnv({ ...env, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir }),
  });
  expect(r.status, `${step.run}\n${r.stdout}\n${r.stderr}`).toBe(0);
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, "utf8").split("\n").filter(Boolean)) {
    const at = line.indexOf("=");
    outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

/** Runs the planning job's shell steps (its actions are set-up only) and returns its job outputs. */
function plan(): Record<string, string> {
  const job = jobs["cigen-plan"];
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  for (const step of job.steps) {
    if (!step.run || step.run.startsWith("npm ci")) continue; // the shim stands in for the install
    const contexts = { steps, github: { event_name: "push" } };
    if (!holds(step.if, contexts)) continue;
    const outputs = runStep(step, contexts);
    if (step.id) steps[step.id] = { outputs };
  }
  return Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, render(v, { steps })]));
}

/** Runs a job's record step as GitHub would after its other steps ended as `failed` says. */
function record(jobId: string, planned: Record<string, string>, event = "push", failed = false): boolean {
  const step = jobs[jobId].steps.at(-1)!;
  expect(step.run).toContain(" record --job ");
  const contexts = { needs: { "cigen-plan": { result: "success", outputs: planned } }, github: { event_name: event } };
  if (!holds(step.if, contexts, { failed })) return false;
  runStep(step, contexts);
  return true;
}

beforeAll(async () => {
  repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/app.txt": "v1\n",
    "test/app.test.txt": "t1\n",
    ".gitignore": "node_modules/\n.cigen-store/\n",
  });
  commitAll(repo);
  const event = join(repo, "..", `${repo.split("/").pop()}-event.json`);
  writeFileSync(event, JSON.stringify({ repository: { default_branch: "main" } }));
  ciEnv = {
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_REF_NAME: "main",
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: event,
  };
  const workflow = await generate(repo, ".github/workflows/ci.yml", {
    args: ["--provider", "github"],
    env: { CI: "", GITHUB_ACTIONS: "" },
  });
  jobs = parse(workflow).jobs;
}, 60_000);

// Each plan starts cigen through npx; on a busy machine that takes seconds.
const SLOW = 240_000;

describe("the GitHub planning and record steps, run with bash against a dir store", () => {
  it(
    "plans run for everything at first, with a signature per job",
    () => {
      const first = plan();
      expect(first["plan-build"]).toBe("run");
      expect(first["plan-test"]).toBe("run");
      expect(first["sig-build"]).toMatch(/^[0-9a-f]{64}$/);
      expect(first["sig-test"]).toMatch(/^[0-9a-f]{64}$/);
    },
    SLOW,
  );

  it(
    "never records after a failed step, nor on a pull request",
    () => {
      const planned = plan();
      expect(record("build", planned, "push", true)).toBe(false);
      expect(record("build", planned, "pull_request")).toBe(false);
      expect(plan()["plan-build"]).toBe("run");
    },
    SLOW,
  );

  it(
    "skips a job once its success is recorded, and its dependant still runs on its own signature",
    () => {
      const planned = plan();
      expect(record("build", planned)).toBe(true);
      const second = plan();
      expect(second["plan-build"]).toBe("skip");
      expect(second["plan-test"]).toBe("run");
      expect(record("test", second)).toBe(true);
      expect(plan()).toMatchObject({ "plan-build": "skip", "plan-test": "skip" });
    },
    SLOW,
  );

  it(
    "runs again when an input changes, and the change propagates downstream",
    () => {
      const before = plan();
      writeFileSync(join(repo, "src/app.txt"), "v2\n");
      const after = plan();
      expect(after).toMatchObject({ "plan-build": "run", "plan-test": "run" });
      expect(after["sig-build"]).not.toBe(before["sig-build"]);
      writeFileSync(join(repo, "src/app.txt"), "v1\n");
      // A revert to a recorded content state reuses that state's successful run.
      expect(plan()).toMatchObject({ "plan-build": "skip", "plan-test": "skip" });
    },
    SLOW,
  );

  it(
    "records nothing from a branch that is not the default branch",
    () => {
      writeFileSync(join(repo, "test/app.test.txt"), "t2\n");
      const planned = plan();
      expect(planned["plan-test"]).toBe("run");
      ciEnv = { ...ciEnv, GITHUB_REF_NAME: "feature" };
      expect(record("test", planned)).toBe(true); // the step runs; cigen record declines
      ciEnv = { ...ciEnv, GITHUB_REF_NAME: "main" };
      expect(plan()["plan-test"]).toBe("run");
    },
    SLOW,
  );
});
