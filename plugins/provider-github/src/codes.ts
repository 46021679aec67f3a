/**
 * Every diagnostic code this provider reports, sorted. Codes are stable: users search for them, so
 * a retired code is never reused for a different problem.
 */

/** A provider_config (top level, job, or runner settings) is not a JSON object. */
export const INVALID_PROVIDER_CONFIG = "GITHUB-001";
/** A job names a workflow the model does not have. */
export const UNKNOWN_WORKFLOW = "GITHUB-002";
/** A job needs a job of another workflow: GitHub `needs` only reaches jobs of the same file. */
export const CROSS_WORKFLOW_NEEDS = "GITHUB-003";
/** A trigger.branches / trigger.tags glob that a GitHub expression cannot test. */
export const UNSUPPORTED_REF_GLOB = "GITHUB-004";
/** A runner class with no GitHub settings and no built-in default. */
export const UNKNOWN_RUNNER = "GITHUB-005";
/** A `uses` step that still names a module: the core should have replaced it with its steps. */
export const UNRESOLVED_MODULE_STEP = "GITHUB-006";
/** `working_directory` on a step that runs an action: GitHub only honours it for `run` steps. */
export const USES_WORKING_DIRECTORY = "GITHUB-007";
/** A restore_cache / save_cache step without paths: actions/cache requires `path`. */
export const CACHE_WITHOUT_PATHS = "GITHUB-008";
/** A service env value with a runtime reference GitHub cannot evaluate in `services.<id>.env`. */
export const SERVICE_ENV_CONTEXT = "GITHUB-009";
/** A job or service id GitHub does not accept as a key. */
export const INVALID_ID = "GITHUB-010";
/** A workflow without any trigger: GitHub requires `on:`. */
export const WORKFLOW_WITHOUT_TRIGGERS = "GITHUB-011";
/** The request asked for a target other than github. */
export const WRONG_TARGET = "GITHUB-012";
/** A job uses an id the skipping wiring generates (cigen-plan, cigen-gate). */
export const RESERVED_SKIP_ID = "GITHUB-013";
/** A job records to a dir/redis/s3 store but has no checkout, so `cigen record` cannot read cigen.yml. */
export const SKIP_WITHOUT_CHECKOUT = "GITHUB-014";
/** The core sent skippable jobs without the `skip.command` flag: skipping is not wired. */
export const SKIP_COMMAND_MISSING = "GITHUB-015";
