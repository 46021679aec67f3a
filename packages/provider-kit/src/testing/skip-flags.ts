/** Job-skipping inputs for tests: the flags the core sends and a job's skip settings. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { JobSchema } from "@cigen/protocol";

/** How CI gets cigen in a repository that lists it in an npm-locked package.json. */
const LOCKED_NPM = {
  "skip.command": "npx --no-install cigen",
  "skip.install": "npm ci --ignore-scripts --no-audit --no-fund",
};
/** The flags the core sends with a normal generate. */
export const SETUP_FLAGS = { "skip.mode": "setup", ...LOCKED_NPM };
/** The flags the core sends with `cigen continuation`. */
export const CONTINUATION_FLAGS = { "skip.mode": "continuation", ...LOCKED_NPM };
/** The flags for a repository without cigen in a package.json: CI fetches the published cigen. */
export const FETCHED_FLAGS = { "skip.mode": "setup", "skip.command": "npx --yes cigen@1.2.3", "skip.install": "" };

/** A job's skip settings: its globs and store (native unless given). */
export function skip(
  sourceFiles: string[],
  type = "native",
  settings: object = {},
): MessageInitShape<typeof JobSchema>["skip"] {
  return { sourceFiles, store: { type, settingsJson: JSON.stringify(settings) } };
}
