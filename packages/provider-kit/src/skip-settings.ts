/** The job-skipping flags of a Generate request (job-skipping.md), read the same way by every provider. */
import type { GenerateRequest } from "@cigen/protocol";

/**
 * How the core asks for job skipping: `setup` for a normal generate (write the planning step),
 * `continuation` when `cigen continuation` generates what must run (each remaining job then
 * carries its `signature`).
 */
export type SkipMode = "setup" | "continuation";

/** The skipping flags of a Generate request. */
export interface SkipSettings {
  mode: SkipMode;
  /** The command prefix that runs cigen in CI, e.g. `npx --no-install cigen`. */
  command: string;
}

/** The prefix the contract names; used only when an older core sends no `skip.command`. */
export const DEFAULT_SKIP_COMMAND = "npx --no-install cigen";

/**
 * Installs the repository's dependencies when cigen is not installed yet (a job that already ran
 * `npm ci`, or a cached node_modules, skips it): cigen is a devDependency of the repository.
 */
export const INSTALL_CIGEN = "if [ ! -x node_modules/.bin/cigen ]; then npm ci; fi";

/** Reads `skip.mode` and `skip.command`; a request without them is a normal (setup) generate. */
export function skipSettings(request: GenerateRequest): SkipSettings {
  const mode = request.flags["skip.mode"] === "continuation" ? "continuation" : "setup";
  return { mode, command: request.flags["skip.command"] || DEFAULT_SKIP_COMMAND };
}
