/**
 * Diagnostic codes of the GitLab provider, sorted. Codes are stable: users search for them and
 * docs/providers/gitlab.md explains each one.
 */

/** A job uses a provider-native step (a GitHub action), which GitLab cannot run. */
export const NATIVE_USES_STEP = "GITLAB-001";
/** A `uses` step names a module that the core did not resolve into steps. */
export const UNRESOLVED_MODULE_STEP = "GITLAB-002";
/** A runner class has no GitLab settings and no built-in default. */
export const UNKNOWN_RUNNER_CLASS = "GITLAB-003";
/** A job uses more caches than GitLab allows per job (4). */
export const TOO_MANY_CACHES = "GITLAB-004";
/** A cache key checksums more files than GitLab's `cache:key:files` takes (2). */
export const CACHE_KEY_TOO_MANY_FILES = "GITLAB-005";
/** A job id collides with a GitLab top-level keyword or a job cigen generates. */
export const RESERVED_JOB_NAME = "GITLAB-006";
/** A service health_cmd: GitLab waits for the service's ports instead. */
export const SERVICE_HEALTH_CMD = "GITLAB-007";
/** Schedules live in GitLab's settings, not in .gitlab-ci.yml: the user must create them. */
export const SCHEDULE_SETUP = "GITLAB-008";
/** provider_config (top level, job or runner settings) is not a JSON object. */
export const INVALID_PROVIDER_CONFIG = "GITLAB-009";
/** A service without ports: no `<NAME>_PORT` can be given to the job. */
export const SERVICE_WITHOUT_PORT = "GITLAB-010";
/** Cache restore_keys are prefixes; GitLab's fallback_keys match exactly, so they are left out. */
export const RESTORE_KEYS_UNUSED = "GITLAB-011";
/** A job has more needs than GitLab allows (50). */
export const TOO_MANY_NEEDS = "GITLAB-012";
/** The core sent skippable jobs without the `skip.command` flag: skipping is not wired. */
export const SKIP_COMMAND_MISSING = "GITLAB-013";
/** A cache path outside the project directory that cigen cannot relocate into it (absolute, `..`). */
export const CACHE_PATH_OUTSIDE_PROJECT = "GITLAB-014";
