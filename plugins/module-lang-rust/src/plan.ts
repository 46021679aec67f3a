import { moduleCache, planJobs, planToolchain, rootFileNames, textOf } from "@cigen/module-kit";
import type { Diagnostic, PlanRequest } from "@cigen/protocol";
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
      const { setupSteps, replacements, versions, installs } = planToolchain(
        job,
        {
          module: MODULE,
          inputs: INPUTS,
          detected: project.version.version,
          codes: RustCodes,
          readVersion: (input) => (TOOLCHAIN.test(input.trim()) ? input.trim() : undefined),
          unusable: "no toolchain",
          hint: 'write a release ("1.77.0", "1.77") or a channel ("stable", "nightly")',
          installable: project.cargo,
          steps: (version, install) => [rustToolchain(version), ...(install ? [prepareStep(locked)] : [])],
        },
        diagnostics,
      );
      return {
        setupSteps,
        replacements,
        caches: installs
          ? [
              moduleCache({
                name: "rust",
                versions,
                // Cargo.lock pins every crate; a library without one is keyed on its manifest.
                lockFiles: locked ? project.lockFiles : ["Cargo.toml"],
                paths: CACHE_PATHS,
              }),
            ]
          : [],
        signatureFiles: project.signatureFiles,
        signatureValues: { rust: versions.join(",") },
        // Incremental artifacts only help rebuilds on one machine; in a cached target/ they are dead weight.
        env: installs ? [{ name: "CARGO_INCREMENTAL", value: textOf("0") }] : [],
      };
    },
    diagnostics,
  );
}
