import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Model, Workflow } from "@cigen/protocol";
import { deepMerge, type JsonObject, parseProviderConfig } from "@cigen/provider-kit";
import { CROSS_WORKFLOW_NEEDS, INVALID_PROVIDER_CONFIG, UNKNOWN_WORKFLOW, WORKFLOW_WITHOUT_TRIGGERS } from "./codes";
import { translateJob } from "./jobs";
import { OTHER_KEYS, orderKeys } from "./key-order";
import { type SkipFlags, skipContext } from "./skip-context";
import { gateJob } from "./skip-gate";
import { GATE_JOB, PLAN_JOB } from "./skip-names";
import { planJob } from "./skip-plan-job";
import { workflowTriggers } from "./triggers";

/** Top-level key order; keys provider_config adds (concurrency, env, ...) sit before `jobs`. */
export const WORKFLOW_KEY_ORDER = ["name", "on", "permissions", OTHER_KEYS, "jobs"] as const;

/** One workflow file's document, before serialization. */
export interface WorkflowDocument {
  id: string;
  doc: JsonObject;
}

/** Every workflow document of the model and what could not be expressed. */
export interface WorkflowTranslation {
  documents: WorkflowDocument[];
  diagnostics: Diagnostic[];
}

/**
 * One document per workflow that has jobs, in model order. The top-level provider_config is
 * merged into each document last, so it may override anything cigen generated. `skip` carries the
 * core's skipping flags; without them skippable jobs always run.
 */
export function workflowDocuments(
  model: Model,
  skip: SkipFlags = { command: undefined, install: "" },
): WorkflowTranslation {
  const diagnostics: Diagnostic[] = [];
  const config = topLevelConfig(model, diagnostics);
  const known = new Set(model.workflows.map((w) => w.id));
  for (const job of model.jobs) if (!known.has(job.workflow)) diagnostics.push(unknownWorkflow(job));
  const documents: WorkflowDocument[] = [];
  for (const workflow of model.workflows) {
    const jobs = model.jobs.filter((j) => j.workflow === workflow.id);
    if (jobs.length === 0) continue;
    diagnostics.push(...crossWorkflowNeeds(jobs, model.jobs));
    const doc = workflowDocument(workflow, jobs, skip, diagnostics);
    documents.push({ id: workflow.id, doc: orderKeys(deepMerge(doc, config), WORKFLOW_KEY_ORDER) });
  }
  return { documents, diagnostics };
}

function workflowDocument(workflow: Workflow, jobs: Job[], flags: SkipFlags, diagnostics: Diagnostic[]): JsonObject {
  const on = workflowTriggers(workflow.triggers);
  if (Object.keys(on).length === 0) diagnostics.push(noTriggers(workflow));
  const skip = skipContext(jobs, flags, diagnostics);
  // With skipping, the planning job comes first and the gate last, as they run.
  const translated: JsonObject = skip ? { [PLAN_JOB]: planJob(jobs, skip) } : {};
  for (const job of jobs) {
    const { id, doc, diagnostics: found } = translateJob(job, skip);
    diagnostics.push(...found);
    translated[id] = doc;
  }
  if (skip) translated[GATE_JOB] = gateJob(jobs.map((j) => j.id));
  // Least privilege: the generated jobs only read the repository (caches and artifacts use the
  // runner's own token). A workflow that needs more grants it through provider_config.
  return { name: workflow.id, on, permissions: { contents: "read" }, jobs: translated };
}

function topLevelConfig(model: Model, diagnostics: Diagnostic[]): JsonObject {
  try {
    return parseProviderConfig(model.providerConfigJson);
  } catch {
    diagnostics.push(
      diagnostic({
        code: INVALID_PROVIDER_CONFIG,
        message: "provider_config.github is not valid JSON, so GitHub Actions cannot merge it",
        hint: "Write provider_config.github as a mapping of GitHub workflow keys.",
      }),
    );
    return {};
  }
}

/** GitHub's `needs` only names jobs of the same workflow file. */
function crossWorkflowNeeds(jobs: Job[], all: Job[]): Diagnostic[] {
  const here = new Set(jobs.map((j) => j.id));
  const workflowOf = new Map(all.map((j) => [j.id, j.workflow]));
  const found: Diagnostic[] = [];
  for (const job of jobs) {
    for (const [key, ids] of [
      ["needs", job.needs],
      ["needs_any", job.needsAny],
    ] as const) {
      for (const id of ids.filter((i) => !here.has(i))) {
        const where = workflowOf.has(id) ? `workflow "${workflowOf.get(id)}"` : "no workflow of this run";
        found.push(
          diagnostic({
            code: CROSS_WORKFLOW_NEEDS,
            message: `job "${job.id}": ${key} names "${id}", which is in ${where}; GitHub Actions jobs can only need jobs of their own workflow "${job.workflow}"`,
            hint: `Move "${id}" and "${job.id}" into the same workflow, or drop the dependency.`,
            loc: job.loc,
          }),
        );
      }
    }
  }
  return found;
}

function unknownWorkflow(job: Job): Diagnostic {
  return diagnostic({
    code: UNKNOWN_WORKFLOW,
    message: `job "${job.id}": workflow "${job.workflow}" does not exist, so GitHub Actions has no file to put the job in`,
    hint: "Declare the workflow under workflows:, or fix the job's workflow: key.",
    loc: job.loc,
  });
}

function noTriggers(workflow: Workflow): Diagnostic {
  return diagnostic({
    code: WORKFLOW_WITHOUT_TRIGGERS,
    message: `workflow "${workflow.id}": triggers is empty, and a GitHub Actions workflow needs at least one "on:" event`,
    hint: "Give the workflow a push, pull_request, schedule or manual trigger.",
    loc: workflow.loc,
  });
}
