import type { Diagnostic } from "../../diagnostics/diagnostic";
import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import { type ConfigCheck, configError } from "./config-error";

/** The workflow of jobs without `workflow:`, defined implicitly when `workflows` does not. */
export const DEFAULT_WORKFLOW = "ci";

/** A job's `workflow` must be defined under `workflows` (or be the default `ci`). */
export const checkWorkflows: ConfigCheck = (config) => {
  const known = [...new Set([...Object.keys(config.raw.workflows ?? {}), DEFAULT_WORKFLOW])];
  const out: Diagnostic[] = [];
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    if (job.workflow === undefined || known.includes(job.workflow)) continue;
    const message = `job "${id}" names unknown workflow "${job.workflow}"`;
    const hint = suggestionHint(job.workflow, known, "Known workflows");
    out.push(configError(config, ConfigCodes.UNKNOWN_WORKFLOW, ["jobs", id, "workflow"], message, hint));
  }
  return out;
};
