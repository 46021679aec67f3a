import { moduleCache, planJobs, planToolchain, rootFileNames } from "@cigen/module-kit";
import type { Diagnostic, PlanRequest } from "@cigen/protocol";
import { PythonCodes } from "./codes";
import { CACHE_PATHS, installStep, MODULE, pythonToolchain } from "./install";
import { inspectPython } from "./project";
import { pythonSetupVersion } from "./specifier";

/** The `with:` inputs of `uses: lang/python`: `version` overrides the detected one, `install: "false"` skips the dependency install. */
export const INPUTS = ["version", "install"] as const;

/**
 * Plan: every job that lists `python` in `packages` starts with the toolchain and the dependency
 * install; each `uses: lang/python` step becomes the same steps in its place. The repository is
 * read again here (it is quick) rather than trusting facts passed back.
 */
export function planPython(request: PlanRequest) {
  const project = inspectPython(request.repoRoot, rootFileNames(request.repoRoot));
  const { manager } = project;
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
          codes: PythonCodes,
          readVersion: pythonSetupVersion,
          unusable: "no Python version",
          hint: 'write a version such as "3.12" or "3.12.1"',
          installable: project.installable,
          steps: (version, install) => [pythonToolchain(version, manager), ...(install ? [installStep(manager)] : [])],
        },
        diagnostics,
      );
      const managerLabel = manager.version ? `${manager.name}@${manager.version}` : manager.name;
      return {
        setupSteps,
        replacements,
        caches: installs
          ? [
              moduleCache({
                name: "python",
                versions: [...versions, managerLabel.replace("@", "-")],
                lockFiles: cacheKeyFiles(project.manager.lockFiles, project.signatureFiles),
                paths: CACHE_PATHS[manager.name],
              }),
            ]
          : [],
        signatureFiles: project.signatureFiles,
        signatureValues: { python: versions.join(","), ...(installs ? { package_manager: managerLabel } : {}) },
      };
    },
    diagnostics,
  );
}

/**
 * The files whose checksums end the cache key: the lock files, else the manifests. At most two,
 * because GitLab's cache:key:files takes no more; a download cache keyed on the main two files is
 * still right, it only refreshes a little less often.
 */
function cacheKeyFiles(lockFiles: readonly string[], signatureFiles: readonly string[]): string[] {
  const manifests = signatureFiles.filter((f) => ["pyproject.toml", "Pipfile", "setup.py", "setup.cfg"].includes(f));
  return (lockFiles.length ? lockFiles : manifests).slice(0, 2);
}
