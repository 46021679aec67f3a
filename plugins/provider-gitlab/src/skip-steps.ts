/**
 * The script items and cache entry that make one job skippable or recorded.
 *
 * Native store: the job's cache holds a marker file (and the job's artifact paths) under the key
 * `cigen-skip-<job>-<signature>`. On a hit the marker's content equals the signature and the job
 * ends at once, successfully; its artifacts come back from the same cache entry, so jobs that take
 * them still get the outputs of the run that signature recorded. The content check keeps this
 * sound even if a key were not expanded: only a marker written for this very signature counts.
 * GitLab saves caches only when the job succeeds (`when: on_success`), so a failure records nothing.
 */
import type { Job } from "@cigen/protocol";
import { type JsonObject, recordOrNotice, type SkipSettings, singleQuote } from "@cigen/provider-kit";
import { keySegment, markerFile } from "./skip-names";

/** How the job reads its signature: a literal (child pipeline) or a dotenv variable (native wiring). */
export interface SignatureRef {
  /** In `cache:key` (expanded by the runner). */
  key: string;
  /** In the script (expanded by the shell). */
  shell: string;
}

/** A literal signature. */
export function literalSignature(signature: string): SignatureRef {
  return { key: signature, shell: signature };
}

/** A signature the planning job passed as a dotenv variable. */
export function variableSignature(name: string): SignatureRef {
  return { key: `\${${name}}`, shell: `\${${name}:-}` };
}

/** The cache entry that holds the marker and the job's artifacts. */
export function skipCache(job: Job, signature: SignatureRef): JsonObject {
  const paths = [markerFile(job), ...new Set(job.artifacts.map((a) => a.path))];
  return { key: `cigen-skip-${keySegment(job.id)}-${signature.key}`, paths, policy: "pull-push", when: "on_success" };
}

/** The first script item: end successfully when the restored marker holds this signature. */
export function earlyExit(job: Job, signature: SignatureRef): string {
  return [
    `cigen_signature="${signature.shell}"`,
    `if [ "\${#cigen_signature}" = 64 ] && [ "$(cat ${inProject(markerFile(job))} 2>/dev/null)" = "$cigen_signature" ]; then`,
    `  echo "cigen: ${job.id} succeeded before with signature $cigen_signature; skipping its steps"`,
    "  exit 0",
    "fi",
  ].join("\n");
}

/**
 * The last script item: write the marker, which GitLab caches once the job succeeded. Paths are
 * anchored at the project directory: a step may have changed the shell's directory.
 */
export function writeMarker(job: Job): string {
  const file = inProject(markerFile(job));
  return `if [ "\${#cigen_signature}" = 64 ]; then mkdir -p "$CI_PROJECT_DIR/.cigen/skip" && printf '%s\\n' "$cigen_signature" > ${file}; fi`;
}

function inProject(path: string): string {
  return `"$CI_PROJECT_DIR"/${singleQuote(path)}`;
}

/**
 * The last script item of a dir/redis/s3 job in the child pipeline: record the signature computed
 * before the job ran. It runs only when every step succeeded (the script stops at the first
 * failure). Recording is an optimisation: if it fails, the job still succeeds and runs next time.
 * `cigen record` itself refuses merge request pipelines and branches outside record_on.
 */
export function recordItem(job: Job, cigen: Pick<SkipSettings, "command" | "install">, signature: string): string {
  return recordOrNotice(cigen, job.id, `${cigen.command} record --job ${singleQuote(job.id)} --signature ${signature}`);
}
