/**
 * Workflow and job triggers as GitLab rule conditions. GitLab has one pipeline per push, MR, schedule
 * or manual run, so every cigen workflow becomes a condition: `workflow: rules` creates the pipeline
 * when any workflow matches, and each job's rules say whether it belongs to the run.
 */
import type { Job, Model, Workflow } from "@cigen/protocol";
import { and, atom, type Cond, or, renderCond } from "./condition";
import { refMatch } from "./ref-filter";

/** The variable a GitLab pipeline schedule sets to its cron, so jobs can tell schedules apart. */
export const SCHEDULE_VARIABLE = "CIGEN_SCHEDULE";

const source = (name: string) => atom(`$CI_PIPELINE_SOURCE == "${name}"`);

/** The pipelines a workflow runs in. */
export function workflowCondition(workflow: Workflow): Cond {
  const t = workflow.triggers;
  if (!t) return or();
  const alternatives: Cond[] = [];
  if (t.push) {
    const { branches, tags } = t.push;
    const refs =
      branches.length || tags.length
        ? or(refMatch("$CI_COMMIT_BRANCH", branches), refMatch("$CI_COMMIT_TAG", tags))
        : and();
    alternatives.push(and(source("push"), refs));
  }
  if (t.pullRequest) {
    const targets = t.pullRequest.branches;
    const refs = targets.length ? refMatch("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", targets) : and();
    alternatives.push(and(source("merge_request_event"), refs));
  }
  if (t.schedules.length) alternatives.push(and(source("schedule"), scheduleMatch(t.schedules)));
  if (t.manual) alternatives.push(source("web"));
  return or(...alternatives);
}

function scheduleMatch(crons: string[]): Cond {
  return or(...crons.map((cron) => atom(`$${SCHEDULE_VARIABLE} == ${JSON.stringify(cron)}`)));
}

/** `workflow: rules`: a pipeline is created when any workflow's condition holds. */
export function workflowRules(model: Model): Record<string, string>[] {
  const rules: Record<string, string>[] = [];
  for (const wf of model.workflows) {
    const cond = workflowCondition(wf);
    if (cond.kind === "true") rules.push({ when: "always" });
    else if (cond.kind !== "false") rules.push({ if: renderCond(cond) });
  }
  return rules.length ? rules : [{ when: "never" }];
}

/** The job's own trigger filter: its refs (branches/tags) and its schedule, when it has them. */
export function jobFilterCondition(job: Job): Cond {
  const t = job.trigger;
  if (!t) return and();
  const refs =
    t.branches.length || t.tags.length
      ? or(
          refMatch("$CI_COMMIT_BRANCH", t.branches),
          refMatch("$CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", t.branches),
          refMatch("$CI_COMMIT_TAG", t.tags),
        )
      : and();
  const schedule = t.cron ? and(source("schedule"), scheduleMatch([t.cron])) : and();
  return and(refs, schedule);
}

/** Every cron of the model, sorted: the schedules the user must create in GitLab. */
export function modelSchedules(model: Model): string[] {
  const all = new Set<string>();
  for (const wf of model.workflows) for (const cron of wf.triggers?.schedules ?? []) all.add(cron);
  for (const job of model.jobs) if (job.trigger?.cron) all.add(job.trigger.cron);
  return [...all].sort();
}
