/** Diagnostic codes of module resolution, cigen.lock and module plugins' answers. Stable. */
export const ModuleCodes = {
  /** A `packages:` entry, service name or `uses:` module that no installed module provides. */
  NOT_FOUND: "CIGEN-MODULE-001",
  /** No installed version of a module satisfies the version constraint. */
  NO_MATCHING_VERSION: "CIGEN-MODULE-002",
  /** Two modules provide the same package or service and the config picks neither. */
  CONFLICT: "CIGEN-MODULE-003",
  /** A `modules:` entry is not `<namespace>/<name>[@<constraint>]`, or its constraint is not a semver range. */
  BAD_REFERENCE: "CIGEN-MODULE-004",
  /** A module's executable differs from the sha256 that cigen.lock records. */
  LOCK_HASH_MISMATCH: "CIGEN-LOCK-001",
  /** A module the config needs is not in cigen.lock. */
  LOCK_MISSING_MODULE: "CIGEN-LOCK-002",
  /** cigen.lock cannot be read (syntax, version, shape). */
  LOCK_UNREADABLE: "CIGEN-LOCK-003",
  /** A module cigen.lock records is no longer installed where the lock says. */
  LOCK_MODULE_GONE: "CIGEN-LOCK-004",
  /** The config uses modules but there is no cigen.lock (a note: runs still resolve fresh). */
  NOT_LOCKED: "CIGEN-LOCK-005",
  /** A module's plan refers to a job or step that does not exist. */
  BAD_CONTRIBUTION: "CIGEN-MODULE-005",
} as const;
