import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { type Job, type Step, StepCondition } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { SkipCodes } from "./codes";
import { type LocalFacts, localText } from "./local-text";

/** Where the steps' output goes: the terminal, or stderr (when stdout carries --json). */
export type StepOutput = "inherit" | "stderr";

/** The first failing step's exit code (1 when it had none), or 0 when every step succeeded. */
export interface StepsOutcome {
  exitCode: number;
  diagnostics: Diagnostic[];
}

/**
 * Runs a job's `run` steps in order with bash from the repository root, as CI would: a step with
 * condition `success` runs only while nothing failed, `failure` only after a failure, `always`
 * in any case. Provider actions and cache steps cannot run here and are left out with a notice.
 */
export async function runSteps(
  job: Job,
  facts: LocalFacts,
  baseEnv: NodeJS.ProcessEnv,
  output: StepOutput,
  onStep: (line: string) => void,
): Promise<StepsOutcome> {
  const diagnostics: Diagnostic[] = [];
  const jobEnv = withEnv(baseEnv, job.env, facts);
  let exitCode = 0;
  for (const [i, step] of job.steps.entries()) {
    if (!shouldRun(step, exitCode !== 0)) continue;
    const label = step.name || `step ${i + 1}`;
    if (step.kind.case !== "run") {
      diagnostics.push({
        severity: "info",
        code: SkipCodes.STEP_NOT_LOCAL,
        message: `job "${job.id}": ${label} (${step.kind.case ?? "empty"}) is a CI provider step and does not run locally`,
      });
      continue;
    }
    onStep(`${job.id}: ${label}`);
    const command = localText(step.kind.value.command, facts, jobEnv);
    const env = withEnv(jobEnv, step.env, facts);
    const cwd = resolve(facts.repoRoot, step.workingDirectory || ".");
    const code = await bash(command, cwd, env, output);
    if (code !== 0 && exitCode === 0) {
      exitCode = code;
      diagnostics.push({
        severity: "error",
        code: SkipCodes.STEP_FAILED,
        message: `job "${job.id}": ${label} failed with exit code ${code}`,
        hint: "nothing was recorded, so the next run of this job runs again",
      });
    }
  }
  return { exitCode, diagnostics };
}

function shouldRun(step: Step, failed: boolean): boolean {
  if (step.condition === StepCondition.ALWAYS) return true;
  return step.condition === StepCondition.FAILURE ? failed : !failed;
}

function withEnv(base: NodeJS.ProcessEnv, vars: Job["env"], facts: LocalFacts): NodeJS.ProcessEnv {
  const env = { ...base };
  // In order, so a later variable may refer to an earlier one, as in CI.
  for (const v of vars) env[v.name] = localText(v.value, facts, env, true);
  return env;
}

/** Runs one command; resolves with its exit code (1 when it was killed by a signal or not started). */
function bash(command: string, cwd: string, env: NodeJS.ProcessEnv, output: StepOutput): Promise<number> {
  return new Promise((done) => {
    const out = output === "stderr" ? process.stderr : "inherit";
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], {
      cwd,
      env,
      stdio: ["ignore", out, "inherit"],
    });
    child.on("error", () => done(1));
    child.on("close", (code) => done(code ?? 1));
  });
}
