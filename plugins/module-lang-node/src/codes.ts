/** Diagnostic codes of the lang/node module. Stable: users search for them and silence them. */
export const NodeCodes = {
  /** Two version sources disagree; the first in priority order is used. */
  VERSION_CONFLICT: "NODE-001",
  /** No version source; the default version is used. */
  VERSION_DEFAULTED: "NODE-002",
  /** A version source holds something that names no installable version; it is ignored. */
  VERSION_UNUSABLE: "NODE-003",
  /** Lock files of several package managers; one is picked. */
  SEVERAL_LOCK_FILES: "NODE-004",
  /** package.json `packageManager` names a different manager than the lock file. */
  MANAGER_MISMATCH: "NODE-005",
  /** No lock file: the install cannot be frozen and resolves versions afresh on every run. */
  NO_LOCK_FILE: "NODE-006",
  /** package.json `packageManager` is not `<npm|pnpm|yarn|bun>@<version>`; it is ignored. */
  MANAGER_UNREADABLE: "NODE-007",
  /** A `uses: lang/node` step has a `with:` input this module does not know. */
  UNKNOWN_INPUT: "NODE-008",
  /** A `uses: lang/node` step's `with: version` is not a version; the detected one is used. */
  BAD_INPUT_VERSION: "NODE-009",
} as const;
