import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { deepMerge, type JsonObject, parseProviderConfig } from "@cigen/provider-kit";
import { translateArtifacts } from "./artifacts";
import { translateCaches } from "./caches";
import { translateCheckout } from "./checkout";
import { TIMEOUT_EMULATED } from "./codes";
import { executorKind, resolveExecutor } from "./executor";
import { translateJobEnv } from "./job-env";
import { planServices } from "./services";
import { NO_SKIP_STEPS, type SkipSteps } from "./skip-steps";
import { translateSteps } from "./steps";
import { placeJobToolchains } from "./toolchains";

/** Keys of a job's provider_config that belong to its workflow entry, not to its definition. */
const INVOCATION_KEYS = new Set([
  "context",
  "filters",
  "requires",
  "pre-steps",
  "post-steps",
  "serial-group",
  "override-with",
]);

/**
 * One job definition under `jobs:`, its toolchains placed (toolchains.ts). Steps run in this order: checkout, environment, services,
 * attached workspace, restored caches, the job's steps, saved caches, kept artifacts. `skip` steps
 * (continuation configs only) go first and last. The job's provider_config is merged last (its
 * workflow-entry keys, such as `context`, go to the workflow).
 */
export function translateJob(
  modelJob: Job,
  report: (d: Diagnostic) => void,
  skip: SkipSteps = NO_SKIP_STEPS,
): JsonObject {
  // Toolchains first: the first one may become the job's image.
  const job = placeJobToolchains(modelJob, executorKind(modelJob));
  const executor = resolveExecutor(job, report);
  const services = planServices(job, executor.kind, report);
  const env = translateJobEnv(job, services.env);
  const artifacts = translateArtifacts(job, report);
  const caches = translateCaches(job);
  const steps = translateSteps(job, { noOutputTimeout: timeout(job, report) }, report);
  const fields = { ...executor.fields };
  if (services.containers.length > 0) fields.docker = [...(fields.docker as JsonObject[]), ...services.containers];
  const definition: JsonObject = {
    ...fields,
    ...(Object.keys(env.environment).length ? { environment: env.environment } : {}),
    steps: [
      ...skip.before,
      ...translateCheckout(job),
      ...(env.step ? [env.step] : []),
      ...services.steps,
      ...artifacts.attach,
      ...caches.restore,
      ...steps,
      ...caches.save,
      ...artifacts.keep,
      ...skip.after,
    ],
  };
  return deepMerge(definition, definitionConfig(job));
}

/** The job's provider_config keys for its workflow entry (`context`, `filters`, ...). */
export function invocationConfig(job: Job): JsonObject {
  const config = parseProviderConfig(job.providerConfigJson);
  return Object.fromEntries(Object.entries(config).filter(([k]) => INVOCATION_KEYS.has(k)));
}

function definitionConfig(job: Job): JsonObject {
  const config = parseProviderConfig(job.providerConfigJson);
  return Object.fromEntries(Object.entries(config).filter(([k]) => !INVOCATION_KEYS.has(k)));
}

/**
 * CircleCI has no job-level timeout (only the plan's maximum job runtime); the nearest it offers
 * is `no_output_timeout` on each run step, so a hung step is stopped after the job's minutes.
 */
function timeout(job: Job, report: (d: Diagnostic) => void): string | undefined {
  if (!job.timeoutMinutes) return undefined;
  report(
    diagnostic({
      severity: "warning",
      code: TIMEOUT_EMULATED,
      message: `job "${job.id}": circleci has no job timeout; timeout: ${job.timeoutMinutes} becomes no_output_timeout on each run step`,
      hint: "the plan's maximum job runtime bounds the whole job on circleci",
      loc: job.loc,
    }),
  );
  return `${job.timeoutMinutes}m`;
}
