import type { Job } from "@cigen/protocol";
import { usesNativeStore } from "@cigen/provider-kit";

/**
 * True when cigen can skip the job on Buildkite: it has source_files or skip_if, and a store
 * cigen can read (dir, redis, s3...). Buildkite has no cache of its own to stand for `native`.
 */
export function skipsOnBuildkite(job: Job): boolean {
  return job.skip !== undefined && !usesNativeStore(job);
}
