/**
 * Steps as `script` items. GitLab runs all items of a job in one shell that stops at the first
 * failing line, which is exactly cigen's default (`if: success`). A step with its own env, working
 * directory or checksums runs in a subshell so none of that leaks into the next step.
 *
 * Steps with `if: failure` or `if: always` have no GitLab equivalent inside `script` (and
 * `after_script` runs after every step, in another shell, and cannot fail the job), so such a job
 * gets a small state machine instead: each step runs in a subshell with errexit, a failure is
 * recorded in `cigen_failed`, later steps run or not by their condition, and the last item fails the
 * job if any step failed.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Step } from "@cigen/protocol";
import { StepCondition } from "@cigen/protocol";
import {
  checksumPrelude,
  guardedStep,
  renderText,
  STATUS_EXIT,
  STATUS_START,
  type StepGuard,
  singleQuote,
} from "@cigen/provider-kit";
import { NATIVE_USES_STEP, UNRESOLVED_MODULE_STEP } from "./codes";
import { checksumPaths, doubleQuotedSyntax, shellSyntax } from "./text-syntax";

/** The shell text of one run step (undefined for steps that are not run steps). */
export function stepBody(job: Job, step: Step): { body: string; isolated: boolean } | undefined {
  if (step.kind.case !== "run") return undefined;
  const command = step.kind.value.command;
  const sums = [...new Set([...checksumPaths(command), ...step.env.flatMap((e) => checksumPaths(e.value))])];
  const lines = [...checksumPrelude(sums)];
  if (step.workingDirectory) lines.push(`cd ${singleQuote(step.workingDirectory)} || exit 1`);
  for (const env of step.env)
    lines.push(`export ${env.name}="${renderText(env.value, doubleQuotedSyntax(job, sums))}"`);
  const text = renderText(command, shellSyntax(job, sums));
  if (!lines.length) return { body: text, isolated: false };
  return { body: ["(", ...lines, text, ")"].join("\n"), isolated: true };
}

/** Diagnostics for steps GitLab cannot run. */
export function stepDiagnostics(job: Job): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of job.steps) {
    if (step.kind.case !== "uses") continue;
    const { ref, native } = step.kind.value;
    out.push(
      native
        ? diagnostic({
            code: NATIVE_USES_STEP,
            message: `job "${job.id}": steps[].uses "${ref}" is a GitHub action, which the gitlab provider cannot run`,
            hint: "limit the job to GitHub with `providers: [github]`, or replace the action with run steps or a cigen module",
            loc: step.loc ?? job.loc,
          })
        : diagnostic({
            code: UNRESOLVED_MODULE_STEP,
            message: `job "${job.id}": steps[].uses "${ref}" was not resolved to steps, so the gitlab provider has nothing to run`,
            hint: "install the module plugin that provides it, or replace the step with run steps",
            loc: step.loc ?? job.loc,
          }),
    );
  }
  return out;
}

/** The `script` items for the job's steps. */
export function stepScript(job: Job): string[] {
  const conditional = job.steps.some((s) => s.kind.case === "run" && s.condition !== StepCondition.SUCCESS);
  const items: string[] = [];
  for (const step of job.steps) {
    const body = stepBody(job, step);
    if (!body) continue;
    items.push(conditional ? guarded(step.condition, body.body) : body.body);
  }
  if (!conditional) return items;
  return [STATUS_START, ...items, STATUS_EXIT];
}

const GUARD: Record<StepCondition, StepGuard> = {
  [StepCondition.SUCCESS]: "success",
  [StepCondition.FAILURE]: "failure",
  [StepCondition.ALWAYS]: "always",
};

function guarded(condition: StepCondition, body: string): string {
  return guardedStep(GUARD[condition], body).join("\n");
}
