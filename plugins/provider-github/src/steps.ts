import { diagnostic } from "@cigen/plugin-sdk";
import { type Checkout, type Diagnostic, type Job, type Step, StepCondition } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { cacheWithoutPaths, lines } from "./caches";
import { UNRESOLVED_MODULE_STEP, USES_WORKING_DIRECTORY } from "./codes";
import { expression, shell } from "./text-syntax";
import { placeToolchain, setupActionKeys } from "./toolchains";

/** One translated step and what could not be expressed. */
export interface StepTranslation {
  step: JsonObject;
  diagnostics: Diagnostic[];
}

/**
 * Translates one model step. `inheritedEnv` holds job variables that GitHub can only evaluate at
 * step level (see jobs.ts); they come before the step's own env, so the step's values win.
 * `shell:` is left out: bash is already the default on Linux runners and in containers. A
 * SetupToolchain step becomes its tool's setup action or a run step of its install script.
 */
export function translateStep(modelStep: Step, job: Job, inheritedEnv: [string, string][] = []): StepTranslation {
  const step = placeToolchain(modelStep, job);
  const doc: JsonObject = {};
  const diagnostics: Diagnostic[] = [];
  if (step.name) doc.name = step.name;
  const condition = stepCondition(step.condition);
  if (condition) doc.if = condition;
  const kind = step.kind;
  if (kind.case !== "run" && step.workingDirectory) diagnostics.push(usesWorkingDirectory(job, step));
  if (kind.case !== "run") Object.assign(doc, actionKeys(step, job, diagnostics));
  if (kind.case === "run" && step.workingDirectory) doc["working-directory"] = step.workingDirectory;
  const env = [...inheritedEnv, ...step.env.map((v) => [v.name, expression(v.value)] as [string, string])];
  if (env.length > 0) doc.env = Object.fromEntries(env);
  if (kind.case === "run") doc.run = shell(kind.value.command);
  return { step: doc, diagnostics };
}

/** `uses:` and `with:` for a step that runs an action (a native one, actions/cache, a setup action). */
function actionKeys(step: Step, job: Job, diagnostics: Diagnostic[]): JsonObject {
  const kind = step.kind;
  switch (kind.case) {
    case "uses": {
      if (!kind.value.native) diagnostics.push(unresolvedModule(job, step, kind.value.ref));
      const inputs = kind.value.with.map((i) => [i.name, expression(i.value)]);
      return inputs.length > 0 ? { uses: kind.value.ref, with: Object.fromEntries(inputs) } : { uses: kind.value.ref };
    }
    case "restoreCache": {
      if (kind.value.paths.length === 0) diagnostics.push(cacheWithoutPaths(job, "a restore_cache step"));
      const inputs: JsonObject = { path: lines(kind.value.paths), key: expression(kind.value.key) };
      if (kind.value.restoreKeys.length > 0) inputs["restore-keys"] = lines(kind.value.restoreKeys.map(expression));
      return { uses: "actions/cache/restore@v4", with: inputs };
    }
    case "saveCache": {
      if (kind.value.paths.length === 0) diagnostics.push(cacheWithoutPaths(job, "a save_cache step"));
      return {
        uses: "actions/cache/save@v4",
        with: { path: lines(kind.value.paths), key: expression(kind.value.key) },
      };
    }
    case "setupToolchain":
      return setupActionKeys(kind.value);
    default:
      return {};
  }
}

/** success is GitHub's implicit default, so it is left out. */
export function stepCondition(condition: StepCondition): string | undefined {
  if (condition === StepCondition.FAILURE) return "failure()";
  if (condition === StepCondition.ALWAYS) return "always()";
  return undefined;
}

/**
 * The automatic checkout, or undefined when the job turned it off. A job without a checkout
 * setting gets the default: a shallow clone, which is also actions/checkout's own default.
 */
export function checkoutStep(checkout: Checkout | undefined): JsonObject | undefined {
  if (checkout && !checkout.enabled) return undefined;
  const inputs: JsonObject = {};
  if (checkout && checkout.depth !== 1) inputs["fetch-depth"] = checkout.depth;
  if (checkout?.submodules) inputs.submodules = true;
  if (checkout?.lfs) inputs.lfs = true;
  const step: JsonObject = { uses: "actions/checkout@v4" };
  if (Object.keys(inputs).length > 0) step.with = inputs;
  return step;
}

function unresolvedModule(job: Job, step: Step, ref: string): Diagnostic {
  return diagnostic({
    code: UNRESOLVED_MODULE_STEP,
    message: `job "${job.id}": step uses "${ref}", a module that was not resolved into steps, so GitHub Actions cannot run it`,
    hint: "Install the module plugin that provides it, or use a GitHub action (owner/repo@version) and limit the job to github with providers:.",
    loc: step.loc ?? job.loc,
  });
}

function usesWorkingDirectory(job: Job, step: Step): Diagnostic {
  return diagnostic({
    code: USES_WORKING_DIRECTORY,
    message: `job "${job.id}": working_directory on step "${step.name || step.kind.case}" is not supported by GitHub Actions, which honours it only for run steps`,
    hint: "Remove working_directory from the step, or pass the directory as an input of the action.",
    loc: step.loc ?? job.loc,
  });
}
