import type { Job, SetupToolchainStep, Step } from "@cigen/protocol";

/** How a provider without setup actions meets a job's toolchain steps. */
export interface ToolchainPlacement {
  /** The image the job runs in: its own, else the first toolchain's image; empty when neither. */
  image: string;
  /**
   * The job's steps with every SetupToolchain step resolved: dropped when its image became the job's
   * image (the image already is that toolchain at that version), else a run step of its portable
   * `install` script. Other steps are returned as they are.
   */
  steps: Step[];
}

/**
 * Places a job's toolchains for an image-based provider. Only the first toolchain can be the job
 * image (a container has one base image), and only when the job names no image and the provider can
 * run this job in a container (`images: false` for VM executors); every other toolchain installs
 * itself with its fallback script, which checks the version on PATH first.
 */
export function placeToolchains(job: Job, options: { images: boolean }): ToolchainPlacement {
  let image = job.image;
  const steps: Step[] = [];
  for (const step of job.steps) {
    if (step.kind.case !== "setupToolchain") {
      steps.push(step);
      continue;
    }
    const setup = step.kind.value;
    if (!image && options.images && setup.image) {
      image = setup.image;
      continue;
    }
    steps.push(installStep(step, setup));
  }
  return { image, steps };
}

/** The SetupToolchain step as a plain run step of its install script (name kept or made up). */
export function installStep(step: Step, setup: SetupToolchainStep): Step {
  return {
    ...step,
    name: step.name || `Set up ${setup.tool} ${setup.version}`,
    kind: { case: "run", value: { $typeName: "cigen.plugin.v1.RunStep", command: setup.install } },
  };
}

/**
 * A service's connection variable with its `{host}` and `{port}` filled in for one provider (the
 * module writes `postgres://postgres:postgres@{host}:{port}/test`; GitHub fills 127.0.0.1 and the
 * mapped port, GitLab the service alias and the container port).
 */
export function fillConnection(template: string, address: { host: string; port: string }): string {
  return template.replaceAll("{host}", address.host).replaceAll("{port}", address.port);
}
