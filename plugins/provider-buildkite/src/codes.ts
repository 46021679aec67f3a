/** Diagnostic codes of the Buildkite provider, sorted; each is stable once released. */

/** A `uses` step names a GitHub action, which Buildkite cannot run. */
export const NATIVE_USES = "BUILDKITE-001";
/** A `uses` step reached the provider unresolved (no module plugin expanded it). */
export const UNRESOLVED_USES = "BUILDKITE-002";
/** A runner class has no Buildkite settings and no built-in default. */
export const UNKNOWN_RUNNER = "BUILDKITE-003";
/** Text that `buildkite-agent pipeline upload` would change however it is escaped (`\$`). */
export const UPLOAD_ESCAPE = "BUILDKITE-004";
/** An artifact path outside the working directory cannot be uploaded and downloaded as is. */
export const ARTIFACT_PATH = "BUILDKITE-005";
/** Artifact retention is an organization setting on Buildkite, not per artifact. */
export const ARTIFACT_RETENTION = "BUILDKITE-006";
/** A service env value Docker Compose cannot compute (a checksum). */
export const SERVICE_ENV = "BUILDKITE-007";
/** A cache path outside the checkout of a job that runs in a container (`~/` paths are relocated into it). */
export const CACHE_PATH = "BUILDKITE-008";
/** A save_cache step that should run only on failure: the cache plugin saves on success or always. */
export const CACHE_CONDITION = "BUILDKITE-009";
/** Two jobs map to the same Buildkite step key. */
export const KEY_COLLISION = "BUILDKITE-010";
/** A workflow has no trigger, so no Buildkite build would ever run it. */
export const NO_TRIGGER = "BUILDKITE-011";
/** Services on a job with an image and checkout: false (the compose file comes from the checkout). */
export const SERVICES_NO_CHECKOUT = "BUILDKITE-012";
/** Skippable jobs without a store cigen can read: Buildkite has no native cache, so they always run. */
export const SKIP_NEEDS_STORE = "BUILDKITE-013";
