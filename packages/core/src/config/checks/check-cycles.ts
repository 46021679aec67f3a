import type { Diagnostic } from "../../diagnostics/diagnostic";
import { ConfigCodes } from "../codes";
import { asList } from "../config-types";
import type { LoadedConfig } from "../loaded-config";
import { type ConfigCheck, configError } from "./config-error";
import { findCycles } from "./find-cycles";

/**
 * Jobs may not depend on each other in a cycle (`needs` and `needs_any` both count). Checked on job
 * ids: a matrix job's variants all share its dependencies, so a variant cycle is a job cycle.
 */
export const checkCycles: ConfigCheck = (config) => {
  const jobs = config.raw.jobs;
  const edges = new Map<string, string[]>();
  for (const [id, job] of Object.entries(jobs)) {
    const targets = [...asList(job.needs), ...asList(job.needs_any)].filter((t) => t in jobs);
    edges.set(id, [...new Set(targets)]);
  }
  return findCycles(edges).map((cycle) => cycleError(config, cycle));
};

function cycleError(config: LoadedConfig, cycle: string[]): Diagnostic {
  const [from, to] = cycle;
  const job = config.raw.jobs[from];
  const key = asList(job.needs).includes(to) ? "needs" : "needs_any";
  const list = job[key];
  const path = typeof list === "string" ? ["jobs", from, key] : ["jobs", from, key, (list ?? []).indexOf(to)];
  const message = `dependency cycle: ${cycle.join(" -> ")}`;
  return configError(
    config,
    ConfigCodes.DEPENDENCY_CYCLE,
    path,
    message,
    "remove one of these needs so the jobs can be ordered",
  );
}
