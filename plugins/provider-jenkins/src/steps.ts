/**
 * Steps as `sh` steps. The script is a single-quoted Groovy string, so Groovy interpolates nothing
 * and the shell sees the command exactly as written in cigen.yml; runtime values are shell
 * variables (`${NAME}`), secrets bound by `withCredentials`. A step with a name is `sh label:`.
 *
 * `if: failure` / `if: always` steps: a stage's `post` runs after all steps and in a fixed order
 * of conditions, so it cannot keep a step between others. Such a job runs its steps as one `sh`
 * with a status-recording script instead (see shell-script.ts).
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Step } from "@cigen/protocol";
import { StepCondition } from "@cigen/protocol";
import { checksumPrelude, renderText, secretNames, singleQuote } from "@cigen/provider-kit";
import { NATIVE_USES_STEP, UNRESOLVED_MODULE_STEP } from "./codes";
import { computedEnv, exportLines } from "./environment";
import { groovyString } from "./groovy-string";
import { type Condition, conditionalScript } from "./shell-script";
import { checksumPaths, doubleQuotedSyntax, shellSyntax } from "./text-syntax";

const CONDITION: Record<StepCondition, Condition> = {
  [StepCondition.SUCCESS]: "success",
  [StepCondition.FAILURE]: "failure",
  [StepCondition.ALWAYS]: "always",
};

/** The shell text of one run step, with the job's computed env exported first. */
export function stepBody(job: Job, step: Step): string | undefined {
  if (step.kind.case !== "run") return undefined;
  const command = step.kind.value.command;
  const jobEnv = computedEnv(job);
  const texts = [...jobEnv.map((e) => e.value), ...step.env.map((e) => e.value), command];
  const sums = [...new Set(texts.flatMap(checksumPaths))];
  const lines = [...checksumPrelude(sums), ...exportLines(job, jobEnv, sums)];
  if (step.workingDirectory) lines.push(`cd ${singleQuote(step.workingDirectory)}`);
  lines.push(...step.env.map((e) => `export ${e.name}="${renderText(e.value, doubleQuotedSyntax(job, sums))}"`));
  lines.push(renderText(command, shellSyntax(job, sums)));
  return lines.join("\n");
}

/** The `sh` steps of the job. */
export function shSteps(job: Job): string[] {
  const runs = job.steps.filter((s) => s.kind.case === "run");
  if (runs.some((s) => s.condition !== StepCondition.SUCCESS)) {
    const script = conditionalScript(
      runs.map((s) => ({ condition: CONDITION[s.condition], body: `${stepBody(job, s)}` })),
    );
    return [`sh label: 'steps', script: ${groovyString(script)}`];
  }
  return runs.map((s) => {
    const script = groovyString(`${stepBody(job, s)}`);
    return s.name ? `sh label: ${groovyString(s.name)}, script: ${script}` : `sh ${script}`;
  });
}

/** Secrets the job's steps read, sorted: each is bound with withCredentials. */
export function stepSecrets(job: Job): string[] {
  const texts = [
    ...computedEnv(job).map((e) => e.value),
    ...job.steps.flatMap((s) => (s.kind.case === "run" ? [s.kind.value.command, ...s.env.map((e) => e.value)] : [])),
  ];
  return [...new Set(texts.flatMap(secretNames))].sort();
}

/** Wraps `body` in withCredentials for `secrets` (string credentials bound to their own name). */
export function withCredentials(secrets: string[], body: string[]): string[] {
  if (!secrets.length) return body;
  const bindings = secrets.map((s) => `string(credentialsId: ${groovyString(s)}, variable: ${groovyString(s)})`);
  return [`withCredentials([${bindings.join(", ")}]) {`, ...body.map((l) => `  ${l}`), "}"];
}

/** Diagnostics for steps Jenkins cannot run. */
export function stepDiagnostics(job: Job): Diagnostic[] {
  return job.steps.flatMap((step) => {
    if (step.kind.case !== "uses") return [];
    const { ref, native } = step.kind.value;
    return [
      native
        ? diagnostic({
            code: NATIVE_USES_STEP,
            message: `job "${job.id}": steps[].uses "${ref}" is a GitHub action, which the jenkins provider cannot run`,
            hint: "limit the job to GitHub with `providers: [github]`, or replace the action with run steps or a cigen module",
            loc: step.loc ?? job.loc,
          })
        : diagnostic({
            code: UNRESOLVED_MODULE_STEP,
            message: `job "${job.id}": steps[].uses "${ref}" was not resolved to steps, so the jenkins provider has nothing to run`,
            hint: "install the module plugin that provides it, or replace the step with run steps",
            loc: step.loc ?? job.loc,
          }),
    ];
  });
}
