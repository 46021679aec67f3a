/** Diagnostic codes of `cigen init`. Stable. */
export const InitCodes = {
  /** A cigen.yml (or .cigen/cigen.yml) exists and --force was not given. */
  CONFIG_EXISTS: "CIGEN-INIT-001",
  /** No job commands were found (no module suggested any, no CI config had any): one placeholder job. */
  NOTHING_DETECTED: "CIGEN-INIT-002",
  /** An existing CI file cannot be parsed; its jobs are not carried over. */
  CI_FILE_UNREADABLE: "CIGEN-INIT-003",
  /** A module failed while detecting; the starter lacks what it would have found. */
  MODULE_FAILED: "CIGEN-INIT-004",
  /** `--provider` names a provider no installed plugin provides. */
  UNKNOWN_PROVIDER: "CIGEN-INIT-005",
  /** The starter could not be written (permissions, a folder in the way). */
  WRITE_FAILED: "CIGEN-INIT-006",
} as const;
