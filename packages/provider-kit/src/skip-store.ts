/** Which jobs may be skipped and where their signatures are kept, as every provider asks it. */
import type { Job, Model } from "@cigen/protocol";

/** True when the job may be skipped (it has source_files or skip_if). */
export function isSkippable(job: Job): boolean {
  return job.skip !== undefined;
}

/** The job's store type; no store means the default, the provider's own cache (`native`). */
export function storeType(job: Job): string {
  return job.skip?.store?.type || "native";
}

/** True when the job's store is the provider's own cache rather than a cigen store (dir, redis, s3...). */
export function isNativeStore(job: Job): boolean {
  return storeType(job) === "native";
}

/** True for a skippable job left on the default store (the provider's own cache). */
export function usesNativeStore(job: Job): boolean {
  return job.skip !== undefined && isNativeStore(job);
}

/**
 * Jobs whose artifacts another job of the model takes. A skipped job leaves no artifacts behind,
 * so a provider that cannot hand them over from an earlier run must always run these.
 */
export function artifactSources(model: Model): Set<string> {
  return new Set(model.jobs.flatMap((j) => j.artifactInputs.map((a) => a.fromJob)));
}
