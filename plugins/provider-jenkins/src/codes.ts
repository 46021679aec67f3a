/**
 * Diagnostic codes of the Jenkins provider, sorted. Codes are stable: users search for them and
 * docs/providers/jenkins.md explains each one.
 */

/** A job uses a provider-native step (a GitHub action), which Jenkins cannot run. */
export const NATIVE_USES_STEP = "JENKINS-001";
/** A `uses` step names a module that the core did not resolve into steps. */
export const UNRESOLVED_MODULE_STEP = "JENKINS-002";
/** A runner class's Jenkins settings are not usable (not an object, or no label). */
export const INVALID_RUNNER_SETTINGS = "JENKINS-003";
// JENKINS-004 (services refused) is retired: stages start their service containers themselves.
/** A cache Job Cacher cannot express (a restore_cache step without paths): the job runs without it. */
export const CACHES_UNSUPPORTED = "JENKINS-005";
/** A scheduled-only job in a Jenkinsfile with several crons: a build cannot tell which one started it. */
export const AMBIGUOUS_SCHEDULE = "JENKINS-006";
/** provider_config is not an object, or names a directive the provider does not pass through. */
export const INVALID_PROVIDER_CONFIG = "JENKINS-007";
/** Artifact retention: Jenkins keeps artifacts per build (buildDiscarder), not per artifact. */
export const ARTIFACT_RETENTION = "JENKINS-008";
/** Skippable jobs without a store cigen can read: Jenkins has no native cache, so they always run. */
export const SKIP_NEEDS_STORE = "JENKINS-009";
/** A service lists no ports: no `<NAME>_PORT`, and nothing published for a job on the agent. */
export const SERVICE_WITHOUT_PORT = "JENKINS-010";
