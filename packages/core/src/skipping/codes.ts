/**
 * Diagnostic codes of the job-skipping commands (signatures, preflight, record, explain, run,
 * savings, continuation), sorted. Stable: users search for them, so a code is never reused for a
 * different problem. The signature engine and the store client keep their own (CIGEN-SIG-*,
 * CIGEN-STORE-*).
 */
export const SkipCodes = {
  /** A command named a job variant the config does not have. */
  UNKNOWN_JOB: "CIGEN-SKIP-001",
  /** `--signature` is not 64 lowercase hex digits. */
  INVALID_SIGNATURE: "CIGEN-SKIP-002",
  /** The store could not be asked; the job runs (never skip on doubt). */
  STORE_UNAVAILABLE: "CIGEN-SKIP-003",
  /** The signature given to `record` differs from the one computed now (the steps changed inputs). */
  SIGNATURE_CHANGED: "CIGEN-SKIP-004",
  /** `explain` needs a store with history; the native store (the provider's cache) has none here. */
  NATIVE_HAS_NO_HISTORY: "CIGEN-SKIP-005",
  /** `explain` found no recorded successful run of the job. */
  NO_RECORDED_RUN: "CIGEN-SKIP-006",
  /** `run` cannot run a step locally (a provider action or cache step); it is left out. */
  STEP_NOT_LOCAL: "CIGEN-SKIP-007",
  /** A step of `run` failed; the job is not recorded. */
  STEP_FAILED: "CIGEN-SKIP-008",
  /** `continuation`: the provider wrote other than exactly one file. */
  NOT_ONE_FILE: "CIGEN-SKIP-009",
  /** `continuation`: jobs on the native store are kept, the provider's cache step decides. */
  NATIVE_KEPT: "CIGEN-SKIP-010",
} as const;
