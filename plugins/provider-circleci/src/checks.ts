import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Model } from "@cigen/protocol";
import { CROSS_WORKFLOW_NEEDS, NAME_COLLISION, OR_EMULATED } from "./codes";
import { approvalJobName, circleJobName } from "./job-names";

/**
 * Model-wide checks whose answer does not depend on one job alone: dependencies that cross
 * workflows, names that collide once made CircleCI-safe, and OR dependencies (emulated).
 */
export function checkModel(model: Model, report: (d: Diagnostic) => void): void {
  const workflowOf = new Map(model.jobs.map((j) => [j.id, j.workflow]));
  const names = new Map<string, string>();
  const claim = (name: string, owner: string, loc = model.jobs.find((j) => j.id === owner)?.loc) => {
    const other = names.get(name);
    if (other !== undefined && other !== owner) {
      report(
        diagnostic({
          code: NAME_COLLISION,
          message: `jobs "${other}" and "${owner}" both become circleci job "${name}"`,
          hint: "rename one of the jobs",
          loc,
        }),
      );
    }
    names.set(name, owner);
  };
  for (const job of model.jobs) {
    claim(circleJobName(job.id), job.id);
    if (job.trigger?.manual) claim(approvalJobName(job.id), job.id);
    for (const id of [...job.needs, ...job.needsAny]) {
      const other = workflowOf.get(id);
      if (other !== undefined && other !== job.workflow) {
        report(
          diagnostic({
            code: CROSS_WORKFLOW_NEEDS,
            message: `job "${job.id}" (workflow "${job.workflow}") needs "${id}" of workflow "${other}"; circleci requires only work within one workflow`,
            hint: `move "${id}" and "${job.id}" into the same workflow`,
            loc: job.loc,
          }),
        );
      }
    }
    if (job.needsAny.length > 1) {
      report(
        diagnostic({
          severity: "warning",
          code: OR_EMULATED,
          message: `job "${job.id}": circleci requires is AND-only, so needs_any [${job.needsAny.join(", ")}] waits for each of them that runs (filtered-out ones are skipped); if one of them fails, "${job.id}" does not run`,
          hint: "use trigger filters to choose between the alternatives, so only one of them runs per ref",
          loc: job.loc,
        }),
      );
    }
  }
}
