/**
 * SetupToolchain steps on Jenkins: the first toolchain's official image becomes the stage's docker
 * agent image when the job names none (the image is that toolchain at that version); every other
 * toolchain runs its portable install script as a step. A job whose provider_config sets its own
 * `agent` decides where it runs, so there every toolchain installs itself.
 */
import type { Job } from "@cigen/protocol";
import { type JsonObject, placeToolchains } from "@cigen/provider-kit";

/** The job with its toolchains placed: `image` set and no SetupToolchain step left. */
export function withToolchains(job: Job, settings: JsonObject): Job {
  const placed = placeToolchains(job, { images: settings.agent === undefined });
  return { ...job, image: placed.image, steps: placed.steps };
}
