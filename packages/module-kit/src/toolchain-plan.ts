import type { Diagnostic, PlanJob, Step } from "@cigen/protocol";
import { stepInputs } from "./step-inputs";
import { warning } from "./warning";

/** What a toolchain module says about its setup steps, for planToolchain. */
export interface ToolchainPlanSpec {
  /** The module's name in messages ("lang/go"). */
  module: string;
  /** The `with:` inputs the module knows: `version` and `install` are read here (`install: "false"` skips the install). */
  inputs: readonly string[];
  /** The version detected in the repository, set up unless a `with: version` says otherwise. */
  detected: string;
  /** The module's diagnostic codes (its codes.ts object, which names them alike in every module). */
  codes: { UNKNOWN_INPUT: string; BAD_INPUT_VERSION: string };
  /** The version to set up for a `with: version` input, or undefined when it names none. */
  readVersion(input: string): string | undefined;
  /** What a bad `with: version` fails to name ("no Go release"), and how to write a good one. */
  unusable: string;
  hint: string;
  /** Whether there is anything to install (a module, a manifest); without it `install` is ignored. */
  installable: boolean;
  /** The steps that set up `version`, then install when `install` is true. */
  steps(version: string, install: boolean): Step[];
}

/** A job's toolchain steps, and what its cache and signature are keyed on. */
export interface ToolchainPlan {
  setupSteps: Step[];
  replacements: { stepIndex: number; steps: Step[] }[];
  /** Every version the job sets up, without repeats, the setup one first. */
  versions: string[];
  /** Whether any of the steps installs (the job then gets the module's cache). */
  installs: boolean;
}

/**
 * Plans a toolchain module's steps in one job: a job that lists the tool in `packages` starts with
 * the detected version and the install; each `uses:` step becomes the same steps in its place, with
 * its `with:` inputs. Warnings about those inputs go to `diagnostics`, in the order of the steps.
 */
export function planToolchain(job: PlanJob, spec: ToolchainPlanSpec, diagnostics: Diagnostic[]): ToolchainPlan {
  const versions = new Set<string>();
  let installs = false;
  const steps = (version: string, wanted: boolean): Step[] => {
    const install = wanted && spec.installable;
    versions.add(version);
    installs ||= install;
    return spec.steps(version, install);
  };
  const setupSteps = job.packages.length ? steps(spec.detected, true) : [];
  const replacements = job.uses.map((use) => {
    const { inputs, diagnostics: inputDiagnostics } = stepInputs(
      spec.module,
      job,
      use,
      spec.inputs,
      spec.codes.UNKNOWN_INPUT,
    );
    diagnostics.push(...inputDiagnostics);
    let version = spec.detected;
    if (inputs.version !== undefined) {
      const wanted = spec.readVersion(inputs.version);
      if (wanted) version = wanted;
      else
        diagnostics.push(
          warning(
            spec.codes.BAD_INPUT_VERSION,
            `job "${job.jobId}", step ${use.stepIndex + 1}: with: version "${inputs.version}" names ${spec.unusable}; using ${version}`,
            spec.hint,
          ),
        );
    }
    return { stepIndex: use.stepIndex, steps: steps(version, inputs.install !== "false") };
  });
  return { setupSteps, replacements, versions: [...versions], installs };
}
