import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { isOutsideCheckout, shellQuote } from "@cigen/provider-kit";
import { ARTIFACT_PATH, ARTIFACT_RETENTION } from "./codes";
import { stepKey } from "./keys";

/** A job's artifact uploads (`artifact_paths`) and the commands that download its inputs. */
export interface ArtifactPlan {
  paths: string[];
  downloads: string[];
}

/** A kept path: "dir/" is a directory, a path with glob characters a pattern, else file or directory. */
function normalize(path: string): string {
  return path.replace(/^\.\/+/, "");
}

/** The upload patterns for one kept path (the agent uploads files, so a directory needs its contents). */
function uploadPatterns(path: string): string[] {
  if (path.endsWith("/")) return [`${path}**/*`];
  if (/[*?[]/.test(path)) return [path];
  return [path, `${path}/**/*`];
}

/** The download command for one artifact of an upstream step. */
function downloadCommand(path: string, from: string, optional: boolean): string {
  const step = stepKey(from);
  const get = (pattern: string) => `buildkite-agent artifact download ${shellQuote(pattern)} . --step ${step}`;
  let command: string;
  if (path.endsWith("/")) command = get(`${path}*`);
  else if (/[*?[]/.test(path)) command = get(path.replace(/\*\*/g, "*"));
  // A bare path is a file or a directory: try its contents, then the file.
  else command = `${get(`${path}/*`)} || ${get(path)}`;
  return optional ? `{ ${command}; } || echo "no artifact ${path} from ${from}" >&2` : command;
}

/**
 * Artifacts between jobs: the agent uploads `artifact_paths` when the job's command finishes,
 * and each downstream job downloads what it gets from the step that kept it, into the checkout.
 * Buildkite keeps artifacts for the organization's retention period, so a per-artifact retention
 * is reported; paths outside the checkout are refused (they would not land in the same place).
 */
export function planArtifacts(job: Job, required: Set<string>, report: (d: Diagnostic) => void): ArtifactPlan {
  const paths: string[] = [];
  for (const artifact of job.artifacts) {
    const path = normalize(artifact.path);
    if (isOutsideCheckout(path)) {
      report(
        diagnostic({
          code: ARTIFACT_PATH,
          message: `job "${job.id}": artifact path "${artifact.path}" is outside the checkout; buildkite downloads artifacts into the checkout of the jobs that get them`,
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
          message: `job "${job.id}": artifact "${artifact.path}" retention cannot be set per artifact on buildkite; the organization's artifact retention applies`,
          hint: "set artifact retention in the Buildkite organization settings",
          loc: job.loc,
        }),
      );
    }
    paths.push(...uploadPatterns(path));
  }
  const downloads = job.artifactInputs
    .filter((input) => input.artifact && !isOutsideCheckout(normalize(input.artifact.path)))
    .map((input) =>
      downloadCommand(normalize(input.artifact?.path ?? ""), input.fromJob, !required.has(input.fromJob)),
    );
  return { paths, downloads };
}
