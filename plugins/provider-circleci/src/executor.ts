import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { type JsonObject, parseProviderConfig } from "@cigen/provider-kit";
import { ARM_IMAGE, UNKNOWN_RUNNER } from "./codes";

/** Where a job's steps run: the primary docker image, a Linux VM, or something the user configured. */
export type ExecutorKind = "docker" | "machine" | "other";

export interface Executor {
  kind: ExecutorKind;
  /** Job keys that select the executor (`docker`/`machine`/..., `resource_class`, extra settings). */
  fields: JsonObject;
}

/** The image a job runs in when cigen.yml names none: CircleCI's multi-purpose convenience image. */
export const DEFAULT_IMAGE = "cimg/base:current";
/** The VM image for machine executors (amd64 and Arm alike). */
export const MACHINE_IMAGE = "ubuntu-2204:current";

const DOCKER_CLASSES: Record<string, string> = {
  default: "medium",
  small: "small",
  medium: "medium",
  large: "large",
  xlarge: "xlarge",
};
// Machine executors start at medium; Arm machines start at arm.medium.
const MACHINE_CLASSES: Record<string, string> = { ...DOCKER_CLASSES, small: "medium" };
const ARM_CLASSES: Record<string, string> = {
  default: "arm.medium",
  small: "arm.medium",
  medium: "arm.medium",
  large: "arm.large",
  xlarge: "arm.xlarge",
};

/**
 * Which kind of executor a job gets: amd64 jobs run in docker; arm64 jobs run on an Arm machine, as
 * do jobs whose runner settings ask for `machine`; settings naming macos, windows or a named
 * executor choose something cigen does not manage.
 */
export function executorKind(job: Job): ExecutorKind {
  const settings = parseProviderConfig(job.runner?.settingsJson ?? "");
  if ("macos" in settings || "windows" in settings || "executor" in settings) return "other";
  return job.arch === "arm64" || "machine" in settings ? "machine" : "docker";
}

/**
 * Chooses a job's executor (see executorKind): docker with the job image first (services follow in
 * the docker list), or a machine. A runner class's CircleCI settings are job keys and win over the
 * built-ins.
 */
export function resolveExecutor(job: Job, report: (d: Diagnostic) => void): Executor {
  const runner = job.runner?.className || "default";
  const settings = parseProviderConfig(job.runner?.settingsJson ?? "");
  const arm = job.arch === "arm64";
  const kind = executorKind(job);
  if (kind === "other") return { kind, fields: settings };
  const machine = kind === "machine";
  const table = arm ? ARM_CLASSES : machine ? MACHINE_CLASSES : DOCKER_CLASSES;
  let resourceClass = typeof settings.resource_class === "string" ? settings.resource_class : table[runner];
  if (arm && resourceClass && !resourceClass.startsWith("arm.")) resourceClass = ARM_CLASSES[resourceClass];
  if (!resourceClass) {
    report(
      diagnostic({
        code: UNKNOWN_RUNNER,
        message: `job "${job.id}": runner class "${runner}" has no circleci settings${arm ? " for arm64" : ""}`,
        hint: `add runners.${runner}.circleci: { resource_class: ... } to cigen.yml`,
        loc: job.loc,
      }),
    );
  }
  if (!machine) {
    return {
      kind: "docker",
      fields: withClass({ docker: [{ image: job.image || DEFAULT_IMAGE }] }, resourceClass, settings),
    };
  }
  if (job.image) {
    report(
      diagnostic({
        code: ARM_IMAGE,
        message: `job "${job.id}": image "${job.image}" cannot be used on circleci ${arm ? "arm64 (Arm runs on machine executors)" : "machine executors"}`,
        hint: `drop image: from the job for circleci, or limit it with providers: [...]`,
        loc: job.loc,
      }),
    );
  }
  return { kind: "machine", fields: withClass({ machine: { image: MACHINE_IMAGE } }, resourceClass, settings) };
}

function withClass(base: JsonObject, resourceClass: string | undefined, settings: JsonObject): JsonObject {
  const { resource_class: _, ...rest } = settings;
  return { ...base, ...(resourceClass ? { resource_class: resourceClass } : {}), ...rest };
}
