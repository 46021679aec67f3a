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
  /**
   * The shell command that makes `command` runnable (the repository's locked install), or empty
   * when `command` fetches cigen itself (`npx --yes cigen@<version>`). The core decides both.
   */
  install: string;
}

/** The prefix the contract names; used only when an older core sends no `skip.command`. */
export const DEFAULT_SKIP_COMMAND = "npx --no-install cigen";

/** What an older core that sends no `skip.install` meant: cigen is a devDependency, npm-locked. */
const DEFAULT_INSTALL = "npm ci --ignore-scripts --no-audit --no-fund";

/** Reads `skip.mode`, `skip.command` and `skip.install`; a request without them is a normal (setup) generate. */
export function skipSettings(request: GenerateRequest): SkipSettings {
  const mode = request.flags["skip.mode"] === "continuation" ? "continuation" : "setup";
  return {
    mode,
    command: request.flags["skip.command"] || DEFAULT_SKIP_COMMAND,
    install: request.flags["skip.install"] ?? DEFAULT_INSTALL,
  };
}
