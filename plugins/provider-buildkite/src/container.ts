import type { Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";

/** The Docker plugin that runs a job's command in its image. */
export const DOCKER_PLUGIN = "docker#v5.11.0";

/**
 * A job with an image (and no services) runs its command in that image through the Docker
 * plugin, which mounts the checkout as the working directory. The job's environment is passed
 * into the container, and the agent binary too when the command calls `buildkite-agent`
 * (artifact downloads, the needs_any check).
 */
export function dockerPlugin(job: Job, needsAgent: boolean): JsonObject | undefined {
  if (!job.image || job.services.length > 0) return undefined;
  return {
    [DOCKER_PLUGIN]: {
      image: job.image,
      "propagate-environment": true,
      ...(needsAgent ? { "mount-buildkite-agent": true } : {}),
    },
  };
}
