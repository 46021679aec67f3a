import type { Artifact, Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";

/**
 * A path that never exists, uploaded beside every artifact path. upload-artifact roots an
 * artifact at the least common ancestor of its search paths; with this second, workspace-level
 * path that ancestor is always the workspace, so an artifact keeps its repository-relative layout
 * and a download into the workspace puts every file back where the upstream job wrote it, whether
 * the path named a file, a directory or a glob. (With one path, a file is stored without its
 * directory and a directory without its own name, so no single download path fits both.)
 */
export const ARTIFACT_ROOT_ANCHOR = ".cigen-artifact-root";

/** GitHub's longest artifact retention. */
const MAX_RETENTION_DAYS = 90;

/** One upload step per artifact the job keeps; they run after the job's steps, on success. */
export function uploadSteps(job: Job): JsonObject[] {
  return job.artifacts.map((artifact) => ({
    name: `Upload ${artifact.path}`,
    uses: "actions/upload-artifact@v4",
    with: uploadInputs(artifact),
  }));
}

function uploadInputs(artifact: Artifact): JsonObject {
  const inputs: JsonObject = { name: artifact.name, path: `${artifact.path}\n${ARTIFACT_ROOT_ANCHOR}` };
  const days = retentionDays(artifact.retentionHours);
  if (days) inputs["retention-days"] = days;
  // A missing artifact would otherwise surface later as a confusing download failure downstream.
  inputs["if-no-files-found"] = "error";
  return inputs;
}

/** Hours rounded up to whole days (GitHub's unit), capped at GitHub's maximum; undefined for 0. */
export function retentionDays(hours: number): number | undefined {
  if (hours <= 0) return undefined;
  return Math.min(Math.ceil(hours / 24), MAX_RETENTION_DAYS);
}

/** One download step per upstream artifact, into the workspace, before the job's steps. */
export function downloadSteps(job: Job): JsonObject[] {
  return job.artifactInputs
    .filter((input) => input.artifact)
    .map((input) => ({
      name: `Download ${input.artifact!.path} from ${input.fromJob}`,
      uses: "actions/download-artifact@v4",
      with: { name: input.artifact!.name },
    }));
}
