/** Diagnostic codes of the CircleCI provider, sorted; each is stable once released. */

/** A `uses` step names a GitHub action, which CircleCI cannot run. */
export const NATIVE_USES = "CIRCLECI-001";
/** A `uses` step reached the provider unresolved (no module plugin expanded it). */
export const UNRESOLVED_USES = "CIRCLECI-002";
/** A runner class has no CircleCI settings and no built-in default. */
export const UNKNOWN_RUNNER = "CIRCLECI-003";
/** arm64 runs on a machine executor, which cannot take a job image. */
export const ARM_IMAGE = "CIRCLECI-004";
/** A service's env uses runtime values; CircleCI service containers take literal environment only. */
export const SERVICE_RUNTIME_ENV = "CIRCLECI-005";
/** Services on an executor that cannot run containers (macos, windows, named executors). */
export const SERVICES_UNSUPPORTED = "CIRCLECI-006";
/** An artifact path outside the working directory cannot go through the workspace. */
export const ARTIFACT_PATH = "CIRCLECI-007";
/** Artifact retention is a plan setting on CircleCI, not per artifact. */
export const ARTIFACT_RETENTION = "CIRCLECI-008";
/** CircleCI has no job-level timeout: emulated with `no_output_timeout` on every run step. */
export const TIMEOUT_EMULATED = "CIRCLECI-009";
/** A pull_request base-branch filter cannot be expressed: CircleCI builds the pushed branch. */
export const PR_BRANCHES = "CIRCLECI-010";
/** A job needs a job of another workflow; CircleCI `requires` stays within one workflow. */
export const CROSS_WORKFLOW_NEEDS = "CIRCLECI-011";
/** Two jobs map to the same CircleCI job name. */
export const NAME_COLLISION = "CIRCLECI-012";
/** A workflow has no trigger, so no CircleCI pipeline would ever run it. */
export const NO_TRIGGER = "CIRCLECI-013";
/** `needs_any` is emulated with AND-only `requires`. */
export const OR_EMULATED = "CIRCLECI-014";
/** A step condition CircleCI cannot attach to that kind of step. */
export const STEP_CONDITION = "CIRCLECI-015";
