import { moduleCache, planJobs, planToolchain, rootFileNames } from "@cigen/module-kit";
import type { Diagnostic, PlanRequest } from "@cigen/protocol";
import { GoCodes } from "./codes";
import { RELEASE } from "./detect-version";
import { CACHE_PATHS, downloadStep, goToolchain, MODULE } from "./install";
import { inspectGo } from "./project";

/** The `with:` inputs of `uses: lang/go`: `version` overrides the detected one, `install: "false"` skips `go mod download`. */
export const INPUTS = ["version", "install"] as const;

/**
 * Plan: every job that lists `go` in `packages` starts with the toolchain and `go mod download`;
 * each `uses: lang/go` step becomes the same steps in its place. The repository is read again
 * here (it is quick) rather than trusting facts passed back.
 */
export function planGo(request: PlanRequest) {
  const project = inspectGo(request.repoRoot, rootFileNames(request.repoRoot));
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  return planJobs(
    request,
    (job) => {
      const { setupSteps, replacements, versions, installs } = planToolchain(
        job,
        {
          module: MODULE,
          inputs: INPUTS,
          detected: project.version.version,
          codes: GoCodes,
          readVersion: (input) => {
            const wanted = input.trim().replace(/^go(?=\d)/, "");
            return RELEASE.test(wanted) ? wanted : undefined;
          },
          unusable: "no Go release",
          hint: 'write a release such as "1.22" or "1.22.1"',
          installable: project.goMod !== undefined,
          steps: (version, install) => [goToolchain(version), ...(install ? [downloadStep()] : [])],
        },
        diagnostics,
      );
      return {
        setupSteps,
        replacements,
        caches: installs
          ? [
              moduleCache({
                name: "go",
                versions,
                // go.sum locks the modules; a module without dependencies has only go.mod.
                lockFiles: project.lockFiles.length ? project.lockFiles : ["go.mod"],
                paths: CACHE_PATHS,
              }),
            ]
          : [],
        signatureFiles: project.signatureFiles,
        signatureValues: { go: versions.join(",") },
      };
    },
    diagnostics,
  );
}
