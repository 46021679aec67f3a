/**
 * The whole .gitlab-ci.yml: `workflow: rules`, `stages`, global `variables`, then the jobs in
 * cigen.yml order (each OR gate right before the job it guards), with the top-level
 * provider_config deep-merged last.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Model } from "@cigen/protocol";
import { deepMerge, type JsonObject } from "@cigen/provider-kit";
import { RESERVED_JOB_NAME, TOO_MANY_NEEDS } from "./codes";
import { planDependencies } from "./dependencies";
import { translateJob } from "./jobs";
import { gateJob } from "./or-gate";
import { presenceConditions } from "./presence";
import { parseConfig } from "./provider-config";
import { jobRules } from "./rules";
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

/** Builds the document for `model`. */
export function buildDocument(model: Model): { doc: JsonObject; diagnostics: Diagnostic[] } {
  const plan = planDependencies(model.jobs);
  const levels = stageLevels(plan.needs);
  const presence = presenceConditions(model);
  const globals = globalVariables(model);
  const diagnostics: Diagnostic[] = [...nameDiagnostics(model, plan.gates)];
  const jobs: JsonObject = {};
  for (const job of model.jobs) {
    const needs = plan.needs.get(job.id) ?? [];
    if (needs.length > MAX_NEEDS) diagnostics.push(tooManyNeeds(job.id, needs.length, job.loc));
    const cond = presence.get(job.id)!;
    const gate = plan.gates.get(job.id);
    if (gate) {
      const stage = stageName(levels.get(gate.id)!);
      jobs[gate.id] = gateJob(gate, stage, plan.needs.get(gate.id)!, jobRules(cond, "always"));
    }
    const translated = translateJob(job, {
      stage: stageName(levels.get(job.id)!),
      needs,
      rules: jobRules(cond, job.trigger?.manual ? "manual" : "on_success"),
      globals,
      writesMarker: plan.markerJobs.has(job.id),
    });
    diagnostics.push(...translated.diagnostics);
    jobs[job.id] = translated.value;
  }
  const doc: JsonObject = {
    workflow: { rules: workflowRules(model) },
    stages: stageList(levels),
    ...(Object.keys(globals).length ? { variables: globals } : {}),
    ...jobs,
  };
  const config = parseConfig(model.providerConfigJson, "provider_config.gitlab");
  diagnostics.push(...config.diagnostics);
  return { doc: deepMerge(doc, config.settings), diagnostics };
}

function nameDiagnostics(model: Model, gates: Map<string, { id: string }>): Diagnostic[] {
  const ids = new Set(model.jobs.map((j) => j.id));
  const gateIds = new Set([...gates.values()].map((g) => g.id));
  return model.jobs
    .filter((job) => RESERVED.has(job.id) || gateIds.has(job.id))
    .map((job) =>
      diagnostic({
        code: RESERVED_JOB_NAME,
        message: RESERVED.has(job.id)
          ? `job "${job.id}": the id is a GitLab top-level keyword, so the gitlab provider cannot use it as a job name`
          : `job "${job.id}": the id is the name of the gate job the gitlab provider generates for needs_any`,
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
