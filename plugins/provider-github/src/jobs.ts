import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, EnvVar, Job } from "@cigen/protocol";
import { deepMerge, type JsonObject, parseProviderConfig } from "@cigen/provider-kit";
import { downloadSteps, uploadSteps } from "./artifacts";
import { cacheSteps } from "./caches";
import { INVALID_ID, INVALID_PROVIDER_CONFIG } from "./codes";
import { jobCondition } from "./conditions";
import { OTHER_KEYS, orderKeys } from "./key-order";
import { runnerKeys } from "./runners";
import { GITHUB_ID, translateServices } from "./services";
import { skipJobCondition, skipNeeds } from "./skip-conditions";
import type { SkipContext } from "./skip-context";
import { recordSteps } from "./skip-record";
import { checkoutStep, translateStep } from "./steps";
import { expression, needsStepContext } from "./text-syntax";

/** Where each key of a job goes; keys cigen does not generate sit before `steps`. */
export const JOB_KEY_ORDER = [
  "name",
  "needs",
  "if",
  "runs-on",
  "container",
  "environment",
  "timeout-minutes",
  "env",
  "services",
  OTHER_KEYS,
  "steps",
] as const;

/** A translated job: its key under `jobs:`, its mapping, and what could not be expressed. */
export interface JobTranslation {
  id: string;
  doc: JsonObject;
  diagnostics: Diagnostic[];
}

/**
 * Translates one job variant into a GitHub job, its own provider_config merged in last. With a
 * skip context, a job it affects gets the skipping wiring: the planning job in `needs`, an `if:`
 * on the plan, and (when skippable) the record steps last.
 */
export function translateJob(job: Job, skip?: SkipContext): JobTranslation {
  const diagnostics: Diagnostic[] = [];
  if (!GITHUB_ID.test(job.id)) diagnostics.push(invalidJobId(job));
  const doc: JsonObject = {};
  const name = jobName(job);
  if (name !== job.id) doc.name = name;
  const wired = skip?.affected.has(job.id) ? skip : undefined;
  const needs = wired ? skipNeeds(job, wired) : [...new Set([...job.needs, ...job.needsAny])];
  if (needs.length > 0) doc.needs = needs;
  const condition = wired ? skipJobCondition(job, wired) : jobCondition(job);
  diagnostics.push(...condition.diagnostics);
  if (condition.expression) doc.if = condition.expression;
  const runner = runnerKeys(job);
  diagnostics.push(...runner.diagnostics);
  Object.assign(doc, runner.keys);
  if (job.image) doc.container = job.image;
  // GitHub pauses a job whose environment has required reviewers until one approves it; the
  // repository must create the environment with reviewers for the pause to happen.
  if (job.trigger?.manual) doc.environment = `approve-${job.id}`;
  if (job.timeoutMinutes > 0) doc["timeout-minutes"] = job.timeoutMinutes;
  const services = translateServices(job);
  diagnostics.push(...services.diagnostics);
  const { jobEnv, stepEnv } = splitEnv(job.env);
  for (const [key, value] of services.env) if (!(key in jobEnv)) jobEnv[key] = value;
  if (Object.keys(jobEnv).length > 0) doc.env = jobEnv;
  if (services.services) doc.services = services.services;
  doc.steps = jobSteps(job, stepEnv, diagnostics);
  if (wired?.skippable.has(job.id)) (doc.steps as JsonObject[]).push(...recordSteps(job, wired));
  return { id: job.id, doc: orderKeys(mergeJobConfig(doc, job, diagnostics), JOB_KEY_ORDER), diagnostics };
}

/** The name GitHub shows: the job id, and for a matrix variant its values, as GitHub names matrix jobs. */
export function jobName(job: Job): string {
  const base = job.baseId || job.id;
  return job.matrix.length > 0 ? `${base} (${job.matrix.map((m) => m.value).join(", ")})` : base;
}

/**
 * Splits the job's env by where GitHub can evaluate it. `jobs.<id>.env` has no `env` or `runner`
 * context and no hashFiles(), so a variable built from those moves onto each of the job's own
 * steps, which keeps its value the same wherever the job reads it.
 */
function splitEnv(env: EnvVar[]): { jobEnv: JsonObject; stepEnv: [string, string][] } {
  const jobEnv: JsonObject = {};
  const stepEnv: [string, string][] = [];
  for (const v of env) {
    if (needsStepContext(v.value)) stepEnv.push([v.name, expression(v.value)]);
    else jobEnv[v.name] = expression(v.value);
  }
  return { jobEnv, stepEnv };
}

/** Checkout, artifact downloads, caches, the job's steps, then artifact uploads. */
function jobSteps(job: Job, stepEnv: [string, string][], diagnostics: Diagnostic[]): JsonObject[] {
  const steps: JsonObject[] = [];
  const checkout = checkoutStep(job.checkout);
  if (checkout) steps.push(checkout);
  steps.push(...downloadSteps(job));
  const caches = cacheSteps(job);
  diagnostics.push(...caches.diagnostics);
  steps.push(...caches.steps);
  for (const step of job.steps) {
    const translated = translateStep(step, job, stepEnv);
    diagnostics.push(...translated.diagnostics);
    steps.push(translated.step);
  }
  steps.push(...uploadSteps(job));
  return steps;
}

function mergeJobConfig(doc: JsonObject, job: Job, diagnostics: Diagnostic[]): JsonObject {
  try {
    return deepMerge(doc, parseProviderConfig(job.providerConfigJson));
  } catch {
    diagnostics.push(
      diagnostic({
        code: INVALID_PROVIDER_CONFIG,
        message: `job "${job.id}": provider_config.github is not valid JSON, so GitHub Actions cannot merge it`,
        hint: "Write jobs.<id>.provider_config.github as a mapping of GitHub job keys.",
        loc: job.loc,
      }),
    );
    return doc;
  }
}

function invalidJobId(job: Job): Diagnostic {
  return diagnostic({
    code: INVALID_ID,
    message: `job "${job.id}": the id is not a valid GitHub Actions job id`,
    hint: "Name the job with letters, digits, '_' and '-', starting with a letter or '_'.",
    loc: job.loc,
  });
}
