import type { Diagnostic, Job, Model } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { placeJobs, workflowEntries } from "./dependencies";
import { invocationConfig } from "./job";
import { type Occasion, workflowOccasions } from "./triggers";

/** The `workflows:` section and the schedule triggers the user must create in CircleCI. */
export interface Workflows {
  workflows: JsonObject;
  schedules: { name: string; cron: string }[];
}

/**
 * Each model workflow becomes one CircleCI workflow per occasion (pushes, each schedule), with a
 * `when` that picks the occasion and the jobs that run in it.
 */
export function translateWorkflows(model: Model, report: (d: Diagnostic) => void): Workflows {
  const workflows: JsonObject = {};
  const schedules: Workflows["schedules"] = [];
  for (const workflow of model.workflows) {
    const jobs = model.jobs.filter((j) => j.workflow === workflow.id);
    for (const occasion of workflowOccasions(model, workflow, report)) {
      const entries = occasionJobs(jobs, occasion);
      if (entries.length === 0) continue;
      workflows[occasion.name] = { ...(occasion.when ? { when: occasion.when } : {}), jobs: entries };
      if (occasion.schedule && occasion.cron) schedules.push({ name: occasion.schedule, cron: occasion.cron });
    }
  }
  return { workflows, schedules };
}

function occasionJobs(jobs: readonly Job[], occasion: Occasion): (JsonObject | string)[] {
  const placements = placeJobs(jobs, occasion);
  return jobs.flatMap((job) => {
    const placement = placements.get(job.id);
    if (!placement) return [];
    // A job entry with nothing to say is written as its bare name.
    return workflowEntries(job, placement, invocationConfig(job)).map((entry) => {
      const [name, args] = Object.entries(entry)[0];
      return Object.keys(args as JsonObject).length ? entry : name;
    });
  });
}
