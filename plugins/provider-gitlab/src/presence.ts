/**
 * When each job is part of a pipeline. GitLab refuses a pipeline whose job `needs` a job that its
 * rules left out, so a job is present only when its own filter holds and its upstream is present:
 * all of `needs`, and at least one of `needs_any`. This mirrors cigen's semantics, where a job whose
 * upstream did not run does not run either.
 */
import type { Job, Model } from "@cigen/protocol";
import { and, type Cond, or } from "./condition";
import { jobFilterCondition, workflowCondition } from "./triggers";

/** Presence condition per job id. */
export function presenceConditions(model: Model): Map<string, Cond> {
  const byId = new Map(model.jobs.map((j) => [j.id, j]));
  // With one workflow, `workflow: rules` already decides whether the pipeline exists at all.
  const perWorkflow = new Map(
    model.workflows.map((wf) => [wf.id, model.workflows.length > 1 ? workflowCondition(wf) : and()]),
  );
  const memo = new Map<string, Cond>();
  const visit = (job: Job): Cond => {
    const known = memo.get(job.id);
    if (known) return known;
    const upstream = (ids: string[]) => ids.flatMap((id) => (byId.has(id) ? [visit(byId.get(id)!)] : []));
    const anyOf = upstream(job.needsAny);
    const cond = and(
      perWorkflow.get(job.workflow) ?? and(),
      jobFilterCondition(job),
      ...upstream(job.needs),
      anyOf.length ? or(...anyOf) : and(),
    );
    memo.set(job.id, cond);
    return cond;
  };
  for (const job of model.jobs) visit(job);
  return memo;
}
