import { evidence, warning } from "@cigen/module-kit";
import type { Diagnostic } from "@cigen/protocol";
import { RubyCodes } from "./codes";

export function noLockFile(manifest: string): Diagnostic {
  return warning(
    RubyCodes.NO_LOCK_FILE,
    `${manifest} has no lock file: every CI run resolves gem versions afresh`,
    "run `bundle lock` and commit the lock file it writes",
    evidence(manifest),
  );
}
