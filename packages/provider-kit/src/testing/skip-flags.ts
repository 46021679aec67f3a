/** Job-skipping inputs for tests: the flags the core sends and a job's skip settings. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { JobSchema } from "@cigen/protocol";

/** The flags the core sends with a normal generate. */
export const SETUP_FLAGS = { "skip.mode": "setup", "skip.command": "npx --no-install cigen" };
/** The flags the core sends with `cigen continuation`. */
export const CONTINUATION_FLAGS = { "skip.mode": "continuation", "skip.command": "npx --no-install cigen" };

/** A job's skip settings: its globs and store (native unless given). */
export function skip(
  sourceFiles: string[],
  type = "native",
  settings: object = {},
): MessageInitShape<typeof JobSchema>["skip"] {
  return { sourceFiles, store: { type, settingsJson: JSON.stringify(settings) } };
}
