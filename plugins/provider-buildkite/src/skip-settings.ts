import type { GenerateRequest, Job } from "@cigen/protocol";

/**
 * How the core asks for job skipping: `setup` for a normal generate (write the planning step),
 * `continuation` when `cigen continuation` generates the steps that must run (each remaining job
 * then carries its `signature`).
 */
export type SkipMode = "setup" | "continuation";

/** The skipping flags of a Generate request. */
export interface SkipSettings {
  mode: SkipMode;
  /** The command prefix that runs cigen in CI, e.g. `npx --no-install cigen`. */
  command: string;
}

/** The prefix the contract names; used only when an older core sends no `skip.command`. */
const DEFAULT_COMMAND = "npx --no-install cigen";

/**
 * Installs the repository's dependencies when cigen is not installed yet (a job that already ran
 * `npm ci` skips it): cigen is a devDependency of the repository.
 */
export const INSTALL_CIGEN = "if [ ! -x node_modules/.bin/cigen ]; then npm ci; fi";

/** Reads `skip.mode` and `skip.command`; a request without them is a normal (setup) generate. */
export function skipSettings(request: GenerateRequest): SkipSettings {
  const mode = request.flags["skip.mode"] === "continuation" ? "continuation" : "setup";
  return { mode, command: request.flags["skip.command"] || DEFAULT_COMMAND };
}

/**
 * True when cigen can skip the job on Buildkite: it has source_files or skip_if, and a store
 * cigen can read (dir, redis, s3...). Buildkite has no cache of its own to stand for `native`.
 */
export function skipsOnBuildkite(job: Job): boolean {
  return job.skip !== undefined && !usesNativeStore(job);
}

/** True for a skippable job left on the default store, which Buildkite does not have. */
export function usesNativeStore(job: Job): boolean {
  return job.skip !== undefined && (job.skip.store?.type || "native") === "native";
}
