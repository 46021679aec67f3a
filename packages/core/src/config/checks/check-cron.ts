import type { Diagnostic } from "../../diagnostics/diagnostic";
import { ConfigCodes } from "../codes";
import { cronProblem } from "../cron";
import { type ConfigCheck, configError } from "./config-error";

const HINT = 'use 5 fields: minute hour day-of-month month day-of-week, e.g. "30 2 * * *"';

/** Workflow schedules and job `trigger.scheduled.cron` must be valid 5-field cron expressions. */
export const checkCron: ConfigCheck = (config) => {
  const out: Diagnostic[] = [];
  const check = (cron: string, path: (string | number)[], owner: string) => {
    const problem = cronProblem(cron);
    if (problem)
      out.push(configError(config, ConfigCodes.INVALID_CRON, path, `${owner}: cron "${cron}" ${problem}`, HINT));
  };
  for (const [id, workflow] of Object.entries(config.raw.workflows ?? {})) {
    (workflow.triggers?.schedule ?? []).forEach((cron, i) => {
      check(cron, ["workflows", id, "triggers", "schedule", i], `workflow "${id}"`);
    });
  }
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    const trigger = job.trigger;
    if (typeof trigger === "object" && trigger.scheduled) {
      check(trigger.scheduled.cron, ["jobs", id, "trigger", "scheduled", "cron"], `job "${id}"`);
    }
  }
  return out;
};
