import { diagnostic } from "@cigen/plugin-sdk";
import { type Diagnostic, type Job, type Step, StepCondition } from "@cigen/protocol";
import { installStep, type JsonObject } from "@cigen/provider-kit";
import { NATIVE_USES, STEP_CONDITION, UNRESOLVED_USES } from "./codes";
import { cacheKeyText, literalEnvValue, quotedText, shellText } from "./text-syntax";

const WHEN: Record<StepCondition, string | undefined> = {
  [StepCondition.SUCCESS]: undefined,
  [StepCondition.FAILURE]: "on_fail",
  [StepCondition.ALWAYS]: "always",
};

/** Per-job settings every run step carries. */
export interface StepOptions {
  /** `no_output_timeout` for run steps (the job timeout's emulation), e.g. "30m". */
  noOutputTimeout?: string;
}

/** Translates the job's own steps, in order; steps CircleCI cannot run are reported and left out. */
export function translateSteps(job: Job, options: StepOptions, report: (d: Diagnostic) => void): JsonObject[] {
  return job.steps.flatMap((step) => translateStep(job, step, options, report));
}

function translateStep(job: Job, step: Step, options: StepOptions, report: (d: Diagnostic) => void): JsonObject[] {
  const kind = step.kind;
  switch (kind.case) {
    case "run":
      return [{ run: runStep(job, step, shellText(kind.value.command, job), options) }];
    case "restoreCache": {
      if (step.condition !== StepCondition.SUCCESS) report(conditionNotSupported(job, step, "restore_cache"));
      const keys = [kind.value.key, ...kind.value.restoreKeys].map((k) => cacheKeyText(k, job));
      return [{ restore_cache: { ...(step.name ? { name: step.name } : {}), keys } }];
    }
    case "saveCache": {
      const when = WHEN[step.condition];
      const key = cacheKeyText(kind.value.key, job);
      return [
        {
          save_cache: {
            ...(step.name ? { name: step.name } : {}),
            key,
            paths: kind.value.paths,
            ...(when ? { when } : {}),
          },
        },
      ];
    }
    case "uses":
      report(usesNotSupported(job, step, kind.value.ref, kind.value.native));
      return [];
    case "setupToolchain":
      // translateJob places toolchains first; one still here is installed where the step stands.
      return translateStep(job, installStep(step, kind.value), options, report);
    default:
      return [];
  }
}

/**
 * A `run` step. Literal step env goes to `environment:`; CircleCI does not expand values there,
 * so env with runtime parts is exported at the top of the command instead.
 */
export function runStep(job: Job, step: Step, command: string, options: StepOptions): JsonObject {
  const environment: JsonObject = {};
  const exports: string[] = [];
  for (const env of step.env) {
    const value = literalEnvValue(env.value);
    if (value === undefined) exports.push(`export ${env.name}="${quotedText(env.value, job)}"`);
    else environment[env.name] = value;
  }
  const when = WHEN[step.condition];
  return {
    ...(step.name ? { name: step.name } : {}),
    command: [...exports, command].join("\n"),
    ...(Object.keys(environment).length ? { environment } : {}),
    ...(step.workingDirectory ? { working_directory: step.workingDirectory } : {}),
    ...(options.noOutputTimeout ? { no_output_timeout: options.noOutputTimeout } : {}),
    ...(when ? { when } : {}),
  };
}

function usesNotSupported(job: Job, step: Step, ref: string, native: boolean): Diagnostic {
  if (native) {
    return diagnostic({
      code: NATIVE_USES,
      message: `job "${job.id}": step uses "${ref}", a GitHub action, which circleci cannot run`,
      hint: `add providers: [github] to job "${job.id}", or replace the step with run: commands`,
      loc: step.loc ?? job.loc,
    });
  }
  return diagnostic({
    code: UNRESOLVED_USES,
    message: `job "${job.id}": step uses "${ref}", which no module plugin resolved, so circleci has nothing to run`,
    hint: `install the module plugin that provides "${ref.split("@")[0]}"`,
    loc: step.loc ?? job.loc,
  });
}

function conditionNotSupported(job: Job, step: Step, key: string): Diagnostic {
  return diagnostic({
    code: STEP_CONDITION,
    message: `job "${job.id}": circleci cannot attach if: to a ${key} step (it always runs only on success)`,
    hint: `drop if: from the ${key} step for circleci`,
    loc: step.loc ?? job.loc,
  });
}
