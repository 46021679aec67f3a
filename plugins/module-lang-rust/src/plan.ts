import { moduleCache, planJobs, rootFileNames, stepInputs, textOf, warning } from "@cigen/module-kit";
import type { Diagnostic, PlanRequest, Step } from "@cigen/protocol";
import { RustCodes } from "./codes";
import { CACHE_PATHS, MODULE, prepareStep, rustToolchain } from "./install";
import { inspectRust } from "./project";
import { TOOLCHAIN } from "./toolchain-name";

/** The `with:` inputs of `uses: lang/rust`: `version` overrides the detected toolchain, `install: "false"` skips the components and fetch. */
export const INPUTS = ["version", "install"] as const;

/**
 * Plan: every job that lists `rust` in `packages` starts with the toolchain and the crate fetch;
 * each `uses: lang/rust` step becomes the same steps in its place. The repository is read again
 * here (it is quick) rather than trusting facts passed back.
 */
export function planRust(request: PlanRequest) {
  const project = inspectRust(request.repoRoot, rootFileNames(request.repoRoot));
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const locked = project.lockFiles.length > 0;
  return planJobs(
    request,
    (job) => {
      const versions = new Set<string>();
      let installs = false;
      const steps = (version: string, install: boolean): Step[] => {
        versions.add(version);
        installs ||= install && project.cargo;
        return [rustToolchain(version), ...(install && project.cargo ? [prepareStep(locked)] : [])];
      };
      const setupSteps = job.packages.length ? steps(project.version.version, true) : [];
      const replacements = job.uses.map((use) => {
        const { inputs, diagnostics: inputDiagnostics } = stepInputs(MODULE, job, use, INPUTS, RustCodes.UNKNOWN_INPUT);
        diagnostics.push(...inputDiagnostics);
        let version = project.version.version;
        if (inputs.version !== undefined) {
          if (TOOLCHAIN.test(inputs.version.trim())) version = inputs.version.trim();
          else
            diagnostics.push(
              warning(
                RustCodes.BAD_INPUT_VERSION,
                `job "${job.jobId}", step ${use.stepIndex + 1}: with: version "${inputs.version}" names no toolchain; using ${version}`,
                'write a release ("1.77.0", "1.77") or a channel ("stable", "nightly")',
              ),
            );
        }
        return { stepIndex: use.stepIndex, steps: steps(version, inputs.install !== "false") };
      });
      return {
        setupSteps,
        replacements,
        caches: installs
          ? [
              moduleCache({
                name: "rust",
                versions: [...versions],
                // Cargo.lock pins every crate; a library without one is keyed on its manifest.
                lockFiles: locked ? project.lockFiles : ["Cargo.toml"],
                paths: CACHE_PATHS,
              }),
            ]
          : [],
        signatureFiles: project.signatureFiles,
        signatureValues: { rust: [...versions].join(",") },
        // Incremental artifacts only help rebuilds on one machine; in a cached target/ they are dead weight.
        env: installs ? [{ name: "CARGO_INCREMENTAL", value: textOf("0") }] : [],
      };
    },
    diagnostics,
  );
}
