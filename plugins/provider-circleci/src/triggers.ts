import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Model, Workflow } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { NO_TRIGGER, PR_BRANCHES } from "./codes";
import { scheduleName } from "./job-names";
import { ALL, anchored, NONE, type RefFilter, type RefSet, refsFromGlobs, union } from "./refs";

/** The pipeline parameter a person sets to start one workflow by hand. */
export const WORKFLOW_PARAMETER = "cigen-workflow";

/**
 * One way a model workflow starts, which becomes one CircleCI workflow: pushes (and pull request
 * branches, and manual runs) or one schedule. Schedules are CircleCI schedule triggers, named so
 * the workflow's `when` can tell them apart.
 */
export interface Occasion {
  /** The CircleCI workflow name. */
  name: string;
  /** Set for a schedule occasion: only jobs without a cron or with this cron run in it. */
  cron?: string;
  /** The schedule trigger's name to create in CircleCI (schedule occasions). */
  schedule?: string;
  when?: JsonObject;
  /** The refs every job is limited to before its own filters (tags must be opted into on CircleCI). */
  jobRefs: RefFilter;
}

const NOT_SCHEDULED = { not: { equal: ["scheduled_pipeline", "<< pipeline.trigger_source >>"] } };

/** True when some workflow of the model is started by hand, so the parameter is declared. */
export function hasManualWorkflow(model: Model): boolean {
  return model.workflows.some((w) => w.triggers?.manual);
}

/** The top-level `parameters:` the workflows' conditions read. */
export function pipelineParameters(model: Model): JsonObject | undefined {
  if (!hasManualWorkflow(model)) return undefined;
  return {
    [WORKFLOW_PARAMETER]: {
      type: "string",
      default: "",
      description: "Run one workflow by hand: trigger a pipeline with this set to the workflow's name.",
    },
  };
}

/** The CircleCI workflows one model workflow becomes. */
export function workflowOccasions(model: Model, workflow: Workflow, report: (d: Diagnostic) => void): Occasion[] {
  const t = workflow.triggers;
  const occasions: Occasion[] = [];
  const refs = pushRefs(workflow, report);
  if (t?.push || t?.pullRequest || t?.manual) {
    occasions.push({
      name: workflow.id,
      when: pushCondition(model, workflow, refs),
      jobRefs: { branches: ALL, tags: refs.tags.kind === "none" ? NONE : ALL },
    });
  }
  (t?.schedules ?? []).forEach((cron, i) => {
    const schedule = scheduleName(workflow.id, i);
    occasions.push({
      name: schedule,
      cron,
      schedule,
      when: {
        and: [
          { equal: ["scheduled_pipeline", "<< pipeline.trigger_source >>"] },
          { equal: [schedule, "<< pipeline.schedule.name >>"] },
        ],
      },
      jobRefs: { branches: ALL, tags: NONE },
    });
  });
  if (occasions.length === 0) {
    report(
      diagnostic({
        severity: "warning",
        code: NO_TRIGGER,
        message: `workflow "${workflow.id}" has no triggers, so circleci would never run it; it is left out`,
        hint: `give workflows.${workflow.id}.triggers a push, pull_request, schedule or manual trigger`,
        loc: workflow.loc,
      }),
    );
  }
  return occasions;
}

/** Refs a push or pull request starts the workflow on (pull request branches are pushes on CircleCI). */
function pushRefs(workflow: Workflow, report: (d: Diagnostic) => void): RefFilter {
  const { push, pullRequest } = workflow.triggers ?? {};
  let refs: RefFilter = { branches: NONE, tags: NONE };
  if (push) {
    const any = push.branches.length === 0 && push.tags.length === 0;
    refs = any
      ? { branches: ALL, tags: ALL }
      : { branches: refsFromGlobs(push.branches), tags: refsFromGlobs(push.tags) };
  }
  if (pullRequest) {
    refs = { ...refs, branches: union(refs.branches, ALL) };
    if (pullRequest.branches.some((b) => b !== "**")) {
      report(
        diagnostic({
          severity: "warning",
          code: PR_BRANCHES,
          message: `workflow "${workflow.id}": circleci cannot filter pull requests by base branch (triggers.pull_request.branches); it builds every pushed branch`,
          hint: "enable 'Only build pull requests' in the CircleCI project settings to limit builds to branches with an open pull request",
          loc: workflow.loc,
        }),
      );
    }
  }
  return refs;
}

/**
 * The push occasion's `when`: not a scheduled pipeline, and either the ref matches the push
 * triggers (with no workflow asked for by hand) or a person asked for this workflow.
 */
function pushCondition(model: Model, workflow: Workflow, refs: RefFilter): JsonObject | undefined {
  const manualModel = hasManualWorkflow(model);
  const scheduledModel = model.workflows.some((w) => (w.triggers?.schedules.length ?? 0) > 0);
  if (!manualModel && !scheduledModel && refs.branches.kind === "all" && refs.tags.kind === "none") return undefined;
  const byRef = refCondition(refs);
  const param = `<< pipeline.parameters.${WORKFLOW_PARAMETER} >>`;
  const paths: JsonObject[] = [];
  if (byRef) paths.push(manualModel ? { and: [{ equal: ["", param] }, byRef] } : byRef);
  if (workflow.triggers?.manual) paths.push({ equal: [workflow.id, param] });
  const started = paths.length === 1 ? paths[0] : { or: paths };
  if (!scheduledModel) return started;
  return { and: [NOT_SCHEDULED, ...(Array.isArray(started.and) ? started.and : [started])] };
}

function refCondition(refs: RefFilter): JsonObject | undefined {
  const parts = [match(refs.branches, "<< pipeline.git.branch >>"), match(refs.tags, "<< pipeline.git.tag >>")].filter(
    (p): p is JsonObject => p !== undefined,
  );
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { or: parts };
}

function match(set: RefSet, value: string): JsonObject | undefined {
  if (set.kind === "none") return undefined;
  const pattern = set.kind === "all" ? "^.+$" : anchored(set);
  return { matches: { pattern, value } };
}
