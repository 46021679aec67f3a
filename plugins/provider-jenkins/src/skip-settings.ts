/** The job-skipping flags of a Generate request, and which jobs Jenkins can skip. */
import type { GenerateRequest, Job, Model } from "@cigen/protocol";

/** The skipping flags: only the command prefix matters here (Jenkins has no continuation). */
export interface SkipSettings {
  /** The command prefix that runs cigen in CI, e.g. `npx --no-install cigen`. */
  command: string;
}

/** The prefix the contract names; used only when an older core sends no `skip.command`. */
const DEFAULT_COMMAND = "npx --no-install cigen";

/** Reads `skip.command`. */
export function skipSettings(request: GenerateRequest): SkipSettings {
  return { command: request.flags["skip.command"] || DEFAULT_COMMAND };
}

/** True for a skippable job left on the default store: Jenkins has no cache to stand for `native`. */
export function usesNativeStore(job: Job): boolean {
  return job.skip !== undefined && (job.skip.store?.type || "native") === "native";
}

/**
 * Jobs the plan stage may skip: skippable, with a store cigen can read (dir, redis, s3...), and
 * whose artifacts no other job takes (a skipped stage stashes nothing, so `unstash` would fail).
 */
export function skippedJobs(model: Model): Set<string> {
  const sources = new Set(model.jobs.flatMap((j) => j.artifactInputs.map((a) => a.fromJob)));
  return new Set(
    model.jobs.filter((j) => j.skip !== undefined && !usesNativeStore(j) && !sources.has(j.id)).map((j) => j.id),
  );
}

/** The env variable the plan stage sets to 'true' when the job's signature passed before. */
export function skipVar(jobId: string): string {
  return `CIGEN_SKIP_${jobId.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** The env variable holding `cigen signatures --format lines` as planned (`<job>\t<signature>` lines). */
export const SIGNATURES_VAR = "CIGEN_SIGNATURES";
