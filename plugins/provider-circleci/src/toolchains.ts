import type { Job, SetupToolchainStep, Step } from "@cigen/protocol";
import { placeToolchains } from "@cigen/provider-kit";
import type { ExecutorKind } from "./executor";

/** CircleCI's convenience image repository of each tool that has one. */
const CONVENIENCE_IMAGES: Record<string, string> = {
  node: "cimg/node",
  python: "cimg/python",
  ruby: "cimg/ruby",
  go: "cimg/go",
  rust: "cimg/rust",
};

/**
 * The cimg tag is the version itself. The convenience images publish every release as its full
 * version (20.11.1, 3.12.1) and a major.minor tag that follows its patch releases (20.11, 3.12), so
 * only those two shapes name an image that exists; a major-only version ("20"), an alias or a
 * pre-release cannot be mapped.
 */
const CIMG_TAG = /^\d+\.\d+(\.\d+)?$/;

/** `cimg/<tool>:<version>` when CircleCI publishes one for this toolchain, else undefined. */
export function convenienceImage(setup: SetupToolchainStep): string | undefined {
  const repository = CONVENIENCE_IMAGES[setup.tool];
  return repository && CIMG_TAG.test(setup.version) ? `${repository}:${setup.version}` : undefined;
}

/**
 * The job as CircleCI runs its toolchains. On a docker executor a job without an image runs in
 * the first toolchain's image: its convenience image (cimg images are made for CircleCI: the
 * `circleci` user, git, ssh and the tools `checkout` needs), else the module's official image;
 * the other toolchains, and all of them on machine and other executors, run the module's install
 * script, which first checks the version already on PATH.
 */
export function placeJobToolchains(job: Job, kind: ExecutorKind): Job {
  if (!job.steps.some((s) => s.kind.case === "setupToolchain")) return job;
  const steps = job.steps.map(preferConvenienceImage);
  const placed = placeToolchains({ ...job, steps }, { images: kind === "docker" });
  return { ...job, image: placed.image, steps: placed.steps };
}

function preferConvenienceImage(step: Step): Step {
  if (step.kind.case !== "setupToolchain") return step;
  const setup = step.kind.value;
  const image = convenienceImage(setup) ?? setup.image;
  return { ...step, kind: { case: "setupToolchain", value: { ...setup, image } } };
}
