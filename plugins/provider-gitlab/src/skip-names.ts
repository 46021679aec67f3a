/** Names the GitLab skipping wiring writes, kept in one place because generated jobs read each other's. */
import type { Job } from "@cigen/protocol";

/** The planning job (both wirings). */
export const PLAN_JOB = "cigen-plan";
/** The trigger job that runs the child pipeline. */
export const RUN_JOB = "cigen-run";
/** The child pipeline's stand-in job when every job was skipped (GitLab refuses an empty pipeline). */
export const NOTHING_JOB = "cigen-nothing-to-run";
/** The child pipeline file the planning job writes and the trigger job includes. */
export const CHILD_FILE = "cigen-child.yml";
/** The dotenv report with the signatures (native wiring). */
export const SIGNATURES_FILE = "cigen-signatures.env";
/** The variable that carries the parent's pipeline source into the child pipeline. */
export const SOURCE_VARIABLE = "CIGEN_PIPELINE_SOURCE";
/** The image the planning job runs in: cigen needs Node.js 20 or later, and git. */
export const PLAN_IMAGE = "node:22";

/** A job id as a cache-key and file-name segment (GitLab refuses `/` in cache keys). */
export function keySegment(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, "-");
}

/** The file that marks a successful run (native store), cached under the signature's key. */
export function markerFile(job: Job): string {
  return `.cigen/skip/${keySegment(job.id)}`;
}

/** The dotenv variable holding a job variant's signature (native wiring). */
export function signatureVariable(job: Job, taken: Set<string>): string {
  const base = `CIGEN_SIG_${job.id.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}
