/**
 * Diagnostic codes of work-signature computation and history replay, sorted. Stable: users search
 * for them, so a code is never reused for a different problem.
 */
export const SignatureCodes = {
  /** A `@group` reference names no entry of `source_file_groups`. */
  UNKNOWN_GROUP: "CIGEN-SIG-001",
  /** `source_file_groups` reference each other in a cycle. */
  GROUP_CYCLE: "CIGEN-SIG-002",
  /** A glob is empty or not a valid pattern. */
  INVALID_GLOB: "CIGEN-SIG-003",
  /** A job's globs match no file at all (probably a typo; the job is skipped whenever nothing else changed). */
  NO_MATCHING_FILES: "CIGEN-SIG-004",
  /** A git command failed (not a repository, git missing, corrupt index). */
  GIT_FAILED: "CIGEN-SIG-005",
  /** A matching file could not be read; the jobs that match it always run. */
  UNREADABLE_FILE: "CIGEN-SIG-006",
  /** A matching submodule has uncommitted changes; the jobs that match it always run. */
  DIRTY_SUBMODULE: "CIGEN-SIG-007",
  /** A path is not valid UTF-8, so globs see it with replacement characters. */
  NON_UTF8_PATH: "CIGEN-SIG-008",
  /** A job's definition holds a value that has no canonical JSON form (a bug in the caller). */
  UNENCODABLE_DEFINITION: "CIGEN-SIG-009",
  /** The history replay asked for more commits than the first-parent history has. */
  SHORT_HISTORY: "CIGEN-SIG-010",
} as const;
