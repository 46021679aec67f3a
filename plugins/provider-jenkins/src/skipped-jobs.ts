/** Which jobs Jenkins can skip, and the env variables its plan stage hands to them. */
import type { Model } from "@cigen/protocol";
import { artifactSources, usesNativeStore } from "@cigen/provider-kit";

/**
 * Jobs the plan stage may skip: skippable, with a store cigen can read (dir, redis, s3...), and
 * whose artifacts no other job takes (a skipped stage stashes nothing, so `unstash` would fail).
 * Jenkins has no cache to stand for the `native` store.
 */
export function skippedJobs(model: Model): Set<string> {
  const sources = artifactSources(model);
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
