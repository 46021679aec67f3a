import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { ARTIFACT_PATH, ARTIFACT_RETENTION } from "./codes";

/** Steps that move a job's artifacts: attach before its steps, persist and store after them. */
export interface ArtifactSteps {
  attach: JsonObject[];
  keep: JsonObject[];
}

/**
 * Artifacts between jobs go through the workflow workspace: a job persists its artifact paths and
 * every job downstream of it (CircleCI attaches the layers of all upstream jobs, direct or
 * transitive) attaches the workspace at the working directory. `store_artifacts` also keeps each
 * artifact in the job's Artifacts tab. Workspace paths are relative to the working directory, so
 * absolute paths and paths leaving it are refused.
 */
export function translateArtifacts(job: Job, report: (d: Diagnostic) => void): ArtifactSteps {
  const attach: JsonObject[] = job.artifactInputs.length > 0 ? [{ attach_workspace: { at: "." } }] : [];
  const paths: string[] = [];
  const store: JsonObject[] = [];
  for (const artifact of job.artifacts) {
    const path = artifact.path.replace(/^\.\/+/, "").replace(/\/+$/, "");
    if (path.startsWith("/") || path.startsWith("~") || path === ".." || path.startsWith("../")) {
      report(
        diagnostic({
          code: ARTIFACT_PATH,
          message: `job "${job.id}": artifact path "${artifact.path}" is outside the working directory; circleci workspaces take relative paths`,
          hint: "copy the files under the repository directory and name that path in artifacts:",
          loc: job.loc,
        }),
      );
      continue;
    }
    if (artifact.retentionHours > 0) {
      report(
        diagnostic({
          severity: "warning",
          code: ARTIFACT_RETENTION,
          message: `job "${job.id}": artifact "${artifact.path}" retention is not settable per artifact on circleci; the organization's usage-control setting applies`,
          hint: "set artifact and workspace retention in CircleCI's organization plan settings",
          loc: job.loc,
        }),
      );
    }
    paths.push(path);
    store.push({ store_artifacts: { path, destination: artifact.name } });
  }
  const keep = paths.length > 0 ? [{ persist_to_workspace: { root: ".", paths } }, ...store] : [];
  return { attach, keep };
}
