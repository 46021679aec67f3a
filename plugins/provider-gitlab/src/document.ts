/**
 * The whole .gitlab-ci.yml: `workflow: rules`, `stages`, global `variables`, then the jobs in
 * cigen.yml order (each OR gate right before the job it guards), with the top-level
 * provider_config deep-merged last.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Model } from "@cigen/protocol";
import { deepMerge, isNativeStore, type JsonObject } from "@cigen/provider-kit";
import { RESERVED_JOB_NAME, TOO_MANY_NEEDS } from "./codes";
import { planDependencies } from "./dependencies";
import { type SkipItems, translateJob } from "./jobs";
import { gateJob } from "./or-gate";
import { presenceConditions } from "./presence";
import { parseConfig } from "./provider-config";
import { jobRules } from "./rules";
import { CHILD_WORKFLOW_RULES, childRules, nothingToRun } from "./skip-child";
import type { GitlabSkip } from "./skip-mode";
import { NOTHING_JOB, PLAN_JOB, RUN_JOB, signatureVariable } from "./skip-names";
import { childPlanJobs, nativePlanJob } from "./skip-plan";
import { earlyExit, literalSignature, recordItem, skipCache, variableSignature, writeMarker } from "./skip-steps";
import { stageLevels, stageList, stageName } from "./stages";
import { workflowRules } from "./triggers";
import { globalVariables } from "./variables";

/** Top-level keys of .gitlab-ci.yml, which no job may be named. */
const RESERVED = new Set([
  "after_script",
  "before_script",
  "cache",
  "default",
  "image",
  "include",
  "services",
  "stages",
  "types",
  "variables",
  "workflow",
]);
const MAX_NEEDS = 50;

const OFF: GitlabSkip = { mode: "off", command: "", install: "" };

/** Builds the document for `model`, with the skipping wiring `skip` asks for. */
export function buildDocument(model: Model, skip: GitlabSkip = OFF): { doc: JsonObject; diagnostics: Diagnostic[] } {
  if (skip.mode === "child") return childSetupDocument(model, skip);
  const plan = planDependencies(model.jobs);
  const signatureVars = skip.mode === "native" ? nativeSignatureVars(model) : new Map<string, string>();
  for (const id of signatureVars.keys())
    plan.needs.set(id, [{ job: PLAN_JOB, artifacts: true }, ...plan.needs.get(id)!]);
  if (signatureVars.size) plan.needs.set(PLAN_JOB, []);
  const levels = stageLevels(plan.needs);
  const presence = presenceConditions(model);
  const globals = globalVariables(model);
  const diagnostics: Diagnostic[] = [...nameDiagnostics(model, plan.gates, skip)];
  const jobs: JsonObject = {};
  if (signatureVars.size) jobs[PLAN_JOB] = nativePlanJob(stageName(levels.get(PLAN_JOB)!), skip, signatureVars);
  const child = skip.mode === "continuation";
  const rulesFor = (rules: JsonObject[]) => (child ? childRules(rules) : rules);
  for (const job of model.jobs) {
    const needs = plan.needs.get(job.id) ?? [];
    if (needs.length > MAX_NEEDS) diagnostics.push(tooManyNeeds(job.id, needs.length, job.loc));
    const cond = presence.get(job.id)!;
    const gate = plan.gates.get(job.id);
    if (gate) {
      const stage = stageName(levels.get(gate.id)!);
      jobs[gate.id] = gateJob(gate, stage, plan.needs.get(gate.id)!, rulesFor(jobRules(cond, "always")));
    }
    const translated = translateJob(job, {
      stage: stageName(levels.get(job.id)!),
      needs,
      rules: rulesFor(jobRules(cond, job.trigger?.manual ? "manual" : "on_success")),
      globals,
      writesMarker: plan.markerJobs.has(job.id),
      skip: skipItems(job, skip, signatureVars.get(job.id)),
    });
    diagnostics.push(...translated.diagnostics);
    jobs[job.id] = translated.value;
  }
  if (child && !Object.values(jobs).some(unconditional)) jobs[NOTHING_JOB] = nothingToRun(stageName(1));
  const doc: JsonObject = {
    workflow: { rules: child ? CHILD_WORKFLOW_RULES : workflowRules(model) },
    stages: stageList(levels),
    ...(Object.keys(globals).length ? { variables: globals } : {}),
    ...jobs,
  };
  const config = parseConfig(model.providerConfigJson, "provider_config.gitlab");
  diagnostics.push(...config.diagnostics);
  // Settings for the parent's planning jobs would become broken jobs in the child pipeline.
  if (child) for (const id of [PLAN_JOB, RUN_JOB]) delete config.settings[id];
  return { doc: deepMerge(doc, config.settings), diagnostics };
}

/**
 * The parent pipeline of the child wiring: only the planning job and the trigger job; every cigen
 * job runs in the child pipeline that `cigen continuation` writes.
 */
function childSetupDocument(model: Model, skip: GitlabSkip): { doc: JsonObject; diagnostics: Diagnostic[] } {
  const diagnostics = nameDiagnostics(model, new Map(), skip);
  const doc: JsonObject = {
    workflow: { rules: workflowRules(model) },
    stages: [stageName(1), stageName(2)],
    ...childPlanJobs(skip),
  };
  const config = parseConfig(model.providerConfigJson, "provider_config.gitlab");
  diagnostics.push(...config.diagnostics);
  return { doc: deepMerge(doc, config.settings), diagnostics };
}

/** Native wiring: a dotenv variable per skippable job variant, in model order. */
function nativeSignatureVars(model: Model): Map<string, string> {
  const taken = new Set<string>();
  return new Map(model.jobs.filter((j) => j.skip).map((j) => [j.id, signatureVariable(j, taken)]));
}

/** What the wiring adds to one job: the native cache check, or (child pipeline) the record item. */
function skipItems(job: Job, skip: GitlabSkip, variable: string | undefined): SkipItems | undefined {
  if (!job.skip) return undefined;
  if (skip.mode === "native" && variable) return nativeItems(job, variableSignature(variable));
  if (skip.mode !== "continuation" || !/^[0-9a-f]{64}$/.test(job.signature)) return undefined;
  if (isNativeStore(job)) return nativeItems(job, literalSignature(job.signature));
  return { before: [], after: [recordItem(job, skip, job.signature)] };
}

function nativeItems(job: Job, signature: ReturnType<typeof variableSignature>): SkipItems {
  return { before: [earlyExit(job, signature)], after: [writeMarker(job)], cache: skipCache(job, signature) };
}

/** A job whose rules add it to every pipeline. */
function unconditional(job: unknown): boolean {
  const rules = (job as { rules?: JsonObject[] }).rules ?? [];
  return rules.some((r) => r.if === undefined && r.when !== "never");
}

function nameDiagnostics(model: Model, gates: Map<string, { id: string }>, skip: GitlabSkip): Diagnostic[] {
  const ids = new Set(model.jobs.map((j) => j.id));
  const gateIds = new Set([...gates.values()].map((g) => g.id));
  if (skip.mode !== "off") for (const id of [PLAN_JOB, RUN_JOB, NOTHING_JOB]) gateIds.add(id);
  return model.jobs
    .filter((job) => RESERVED.has(job.id) || gateIds.has(job.id))
    .map((job) =>
      diagnostic({
        code: RESERVED_JOB_NAME,
        message: RESERVED.has(job.id)
          ? `job "${job.id}": the id is a GitLab top-level keyword, so the gitlab provider cannot use it as a job name`
          : `job "${job.id}": the id is the name of a job the gitlab provider generates (needs_any gate or job skipping)`,
        hint: `rename the job${ids.has(`${job.id}-ci`) ? "" : `, e.g. to "${job.id}-ci"`}`,
        loc: job.loc,
      }),
    );
}

function tooManyNeeds(id: string, count: number, loc: Model["jobs"][number]["loc"]): Diagnostic {
  return diagnostic({
    code: TOO_MANY_NEEDS,
    message: `job "${id}": needs lists ${count} jobs; the gitlab provider allows at most ${MAX_NEEDS}`,
    hint: "depend on fewer jobs, e.g. through an intermediate job",
    loc,
  });
}
