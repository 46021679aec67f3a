import { create } from "@bufbuild/protobuf";
import { type Job, type Triggers, TriggersSchema, type Workflow, WorkflowSchema } from "@cigen/protocol";
import { DEFAULT_WORKFLOW } from "../config/checks/check-workflows";
import type { WorkflowConfig } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import { locOf } from "./job-context";

/** The implicit `ci` workflow: push to any branch, and pull requests. */
const DEFAULT_TRIGGERS: WorkflowConfig["triggers"] = { push: { branches: ["**"] }, pull_request: {} };

/**
 * The workflows that have at least one job in this model, in cigen.yml order (the implicit `ci`
 * first when a job uses it without `workflows` defining it). A job's `trigger.scheduled` cron is
 * added to its workflow's schedules.
 */
export function buildWorkflows(config: LoadedConfig, jobs: readonly Job[]): Workflow[] {
  const defined = config.raw.workflows ?? {};
  const used = new Set(jobs.map((job) => job.workflow));
  const ids = [...(DEFAULT_WORKFLOW in defined ? [] : [DEFAULT_WORKFLOW]), ...Object.keys(defined)];
  return ids
    .filter((id) => used.has(id))
    .map((id) => {
      const isDefined = id in defined;
      const triggers = buildTriggers(isDefined ? defined[id].triggers : DEFAULT_TRIGGERS);
      for (const job of jobs) {
        if (job.workflow === id && job.trigger?.cron && !triggers.schedules.includes(job.trigger.cron)) {
          triggers.schedules.push(job.trigger.cron);
        }
      }
      return create(WorkflowSchema, { id, triggers, loc: locOf(config, isDefined ? ["workflows", id] : ["jobs"]) });
    });
}

function buildTriggers(triggers: WorkflowConfig["triggers"]): Triggers {
  const t = triggers ?? {};
  return create(TriggersSchema, {
    // `push:` with nothing under it parses as null and still means "on push".
    push: "push" in t ? { branches: t.push?.branches ?? [], tags: t.push?.tags ?? [] } : undefined,
    pullRequest: "pull_request" in t ? { branches: t.pull_request?.branches ?? [] } : undefined,
    schedules: [...(t.schedule ?? [])],
    manual: t.manual ?? false,
  });
}
