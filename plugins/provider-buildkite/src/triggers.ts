import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Model, Workflow } from "@cigen/protocol";
import { NO_TRIGGER } from "./codes";
import { and, atom, type Cond, FALSE, or, TRUE } from "./conditions";
import { globsCondition, refCondition } from "./refs";

/** The build env variable a person sets on a new build to run one manual workflow. */
export const WORKFLOW_VAR = "CIGEN_WORKFLOW";
/** The build env variable each Buildkite schedule sets, naming which cigen schedule it is. */
export const SCHEDULE_VAR = "CIGEN_SCHEDULE";

/** One way a workflow starts in a build: a condition on the build, and the cron of a schedule. */
export interface Occasion {
  cond: Cond;
  cron?: string;
  /** The value of CIGEN_SCHEDULE for a schedule occasion. */
  schedule?: string;
}

const WEBHOOK = atom('build.source == "webhook"');

/** The name a workflow's `index`th schedule (0-based) is known by in CIGEN_SCHEDULE. */
export function scheduleName(workflow: string, index: number): string {
  return `${workflow}-schedule-${index + 1}`;
}

/**
 * The occasions a workflow runs in. Pushes and pull requests are webhook builds (a pull request
 * build has `build.pull_request.id`); schedules are builds of source `schedule` whose schedule
 * sets CIGEN_SCHEDULE; a manual workflow runs in any build started with CIGEN_WORKFLOW=<id>.
 */
export function workflowOccasions(workflow: Workflow, report: (d: Diagnostic) => void): Occasion[] {
  const t = workflow.triggers;
  const occasions: Occasion[] = [];
  if (t?.push) {
    // Both lists empty: every branch and tag (refCondition gives true).
    const refs = refCondition(t.push.branches, t.push.tags);
    occasions.push({ cond: and(WEBHOOK, atom("build.pull_request.id == null"), refs) });
  }
  if (t?.pullRequest) {
    const bases = t.pullRequest.branches;
    const base = bases.length ? globsCondition("build.pull_request.base_branch", bases) : TRUE;
    occasions.push({ cond: and(WEBHOOK, atom("build.pull_request.id != null"), base) });
  }
  if (t?.manual) occasions.push({ cond: atom(`build.env("${WORKFLOW_VAR}") == "${workflow.id}"`) });
  (t?.schedules ?? []).forEach((cron, i) => {
    const schedule = scheduleName(workflow.id, i);
    occasions.push({
      cron,
      schedule,
      cond: and(atom('build.source == "schedule"'), atom(`build.env("${SCHEDULE_VAR}") == "${schedule}"`)),
    });
  });
  if (occasions.length === 0) {
    report(
      diagnostic({
        severity: "warning",
        code: NO_TRIGGER,
        message: `workflow "${workflow.id}" has no triggers, so buildkite would never run its jobs; they are left out`,
        hint: `give workflows.${workflow.id}.triggers a push, pull_request, schedule or manual trigger`,
        loc: workflow.loc,
      }),
    );
  }
  return occasions;
}

/**
 * When a job's workflow runs it: any occasion of the workflow, or only the schedule with the
 * job's cron for a scheduled-only job.
 */
export function workflowCondition(job: Job, occasions: readonly Occasion[]): Cond {
  const cron = job.trigger?.cron ?? "";
  const mine = cron ? occasions.filter((o) => o.cron === cron) : occasions;
  return mine.length ? or(...mine.map((o) => o.cond)) : FALSE;
}

/** Every workflow's occasions, by workflow id. */
export function modelOccasions(model: Model, report: (d: Diagnostic) => void): Map<string, Occasion[]> {
  return new Map(model.workflows.map((w) => [w.id, workflowOccasions(w, report)]));
}
