/**
 * Artifacts as GitLab `artifacts:` (uploaded only when the job succeeds, GitLab's default). One
 * job has one `expire_in`, so several retentions collapse to the longest; downstream jobs receive
 * artifacts through `needs: [{job, artifacts: true}]` (see dependencies.ts).
 */
import type { Artifact, Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";

/** Where a job that an OR gate checks records its success (an artifact, so the gate can see it). */
export function markerPath(jobId: string): string {
  return `.cigen/succeeded/${jobId}`;
}

/** The script line that writes the success marker: the pipeline id, so a stale file never counts. */
export function markerScript(jobId: string): string {
  const path = markerPath(jobId);
  return `mkdir -p .cigen/succeeded && echo "$CI_PIPELINE_ID" > ${path}`;
}

/** A retention in hours as a GitLab duration. */
export function expireIn(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? "1 day" : `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** The `artifacts:` of a job that keeps `artifacts` (and a success marker when `marker`). */
export function artifactsBlock(artifacts: Artifact[], markerFor?: string): JsonObject | undefined {
  const paths = [...new Set(artifacts.map((a) => a.path))];
  if (markerFor) paths.push(markerPath(markerFor));
  if (!paths.length) return undefined;
  const hours = Math.max(0, ...artifacts.map((a) => a.retentionHours));
  // A marker is only read within the pipeline; a day is plenty when nothing else sets retention.
  const expire = hours ? expireIn(hours) : artifacts.length ? undefined : "1 day";
  return { paths, ...(expire ? { expire_in: expire } : {}) };
}

/** The `artifacts:` of a job. */
export function jobArtifacts(job: Job, writesMarker: boolean): JsonObject | undefined {
  return artifactsBlock(job.artifacts, writesMarker ? job.id : undefined);
}
