/**
 * SetupToolchain steps on GitLab: a job runs in one image, so the first toolchain's official image
 * becomes the job's `image` when the job names none; every other toolchain runs its portable install
 * script as a step. When the runner class or the job's provider_config sets `image`, that image
 * replaces cigen's in the final merge, so no toolchain may count on being the image there.
 */
import type { Job } from "@cigen/protocol";
import { type JsonObject, placeToolchains } from "@cigen/provider-kit";

/** The job with its toolchains placed: `image` set and no SetupToolchain step left. */
export function withToolchains(job: Job, overrides: JsonObject[]): Job {
  const images = !overrides.some((settings) => "image" in settings);
  const placed = placeToolchains(job, { images });
  return { ...job, image: placed.image, steps: placed.steps };
}
