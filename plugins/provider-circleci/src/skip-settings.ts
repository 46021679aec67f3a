import type { GenerateRequest, Job, Model } from "@cigen/protocol";

/**
 * How the core asks for job skipping: `setup` for a normal generate (write the setup workflow that
 * plans and continues), `continuation` when `cigen continuation` generates the pruned config (each
 * remaining job then carries its `signature`).
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
 * `npm ci`, or a cached node_modules, skips it): cigen is a devDependency of the repository.
 */
export const INSTALL_CIGEN = "if [ ! -x node_modules/.bin/cigen ]; then npm ci; fi";

/** Reads `skip.mode` and `skip.command`; a request without them is a normal (setup) generate. */
export function skipSettings(request: GenerateRequest): SkipSettings {
  const mode = request.flags["skip.mode"] === "continuation" ? "continuation" : "setup";
  return { mode, command: request.flags["skip.command"] || DEFAULT_COMMAND };
}

/** True when the job may be skipped (it has source_files or skip_if). */
export function isSkippable(job: Job): boolean {
  return job.skip !== undefined;
}

/** The job's store type; no store means the default, the provider's own cache. */
export function storeType(job: Job): string {
  return job.skip?.store?.type || "native";
}

/**
 * Jobs whose artifacts another job of the model takes. A skipped job leaves no artifacts behind,
 * so where the provider itself decides to skip (the native cache), these always run.
 */
export function artifactSources(model: Model): Set<string> {
  return new Set(model.jobs.flatMap((j) => j.artifactInputs.map((a) => a.fromJob)));
}
