import { moduleCache, planJobs, rootFileNames, stepInputs, warning } from "@cigen/module-kit";
import type { Diagnostic, PlanRequest, Step } from "@cigen/protocol";
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
  const hasModule = project.goMod !== undefined;
  return planJobs(
    request,
    (job) => {
      const versions = new Set<string>();
      let installs = false;
      const steps = (version: string, install: boolean): Step[] => {
        versions.add(version);
        installs ||= install && hasModule;
        return [goToolchain(version), ...(install && hasModule ? [downloadStep()] : [])];
      };
      const setupSteps = job.packages.length ? steps(project.version.version, true) : [];
      const replacements = job.uses.map((use) => {
        const { inputs, diagnostics: inputDiagnostics } = stepInputs(MODULE, job, use, INPUTS, GoCodes.UNKNOWN_INPUT);
        diagnostics.push(...inputDiagnostics);
        let version = project.version.version;
        if (inputs.version !== undefined) {
          const wanted = inputs.version.trim().replace(/^go(?=\d)/, "");
          if (RELEASE.test(wanted)) version = wanted;
          else
            diagnostics.push(
              warning(
                GoCodes.BAD_INPUT_VERSION,
                `job "${job.jobId}", step ${use.stepIndex + 1}: with: version "${inputs.version}" names no Go release; using ${version}`,
                'write a release such as "1.22" or "1.22.1"',
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
                name: "go",
                versions: [...versions],
                // go.sum locks the modules; a module without dependencies has only go.mod.
                lockFiles: project.lockFiles.length ? project.lockFiles : ["go.mod"],
                paths: CACHE_PATHS,
              }),
            ]
          : [],
        signatureFiles: project.signatureFiles,
        signatureValues: { go: [...versions].join(",") },
      };
    },
    diagnostics,
  );
}
