import { moduleCache, planJobs, runStep } from "@cigen/module-kit";
import type { Hook } from "@cigen/plugin-sdk";
import type { Diagnostic, Step } from "@cigen/protocol";
import { readInputs } from "./inputs";
import { installCommands } from "./install";
import { managerLabel, type NodeRepo, readNodeRepo, signatureFiles } from "./node-repo";
import { nodeToolchain } from "./toolchain";

/**
 * Plan: `packages: [node]` gets Node.js, the package manager and the dependency install as setup
 * steps; a `uses: lang/node` step is replaced by the same steps (with its `with:` inputs). Both get
 * the package manager's cache and the version, lock and manager files as signature inputs.
 * Detection warnings are Detect's to report; Plan reports only problems of the jobs' inputs.
 */
export const plan: Hook<"plan"> = (request) => {
  const repo = readNodeRepo(request.repoRoot);
  const diagnostics: Diagnostic[] = [];
  return planJobs(
    request,
    (job) => {
      const uses = job.uses.map((use) => ({ use, inputs: readInputs(job, use, diagnostics) }));
      const setup = job.packages.length > 0;
      if (!setup && !uses.length) return {};
      // The job's Node.js: the detected one for `packages`, else the first `uses:` step's.
      const version = (setup ? undefined : uses[0].inputs.version) ?? repo.version.version;
      const installs = setup || uses.some((u) => u.inputs.install);
      return {
        setupSteps: setup ? nodeSteps(repo, version, true) : [],
        replacements: uses.map(({ use, inputs }) => ({
          stepIndex: use.stepIndex,
          steps: nodeSteps(repo, inputs.version ?? repo.version.version, inputs.install),
        })),
        caches: installs ? [nodeCache(repo, version)] : [],
        signatureFiles: signatureFiles(repo),
        signatureValues: { node: version, package_manager: managerLabel(repo.pm, "@") },
      };
    },
    diagnostics,
  );
};

function nodeSteps(repo: NodeRepo, version: string, install: boolean): Step[] {
  const commands = installCommands(repo.pm);
  const steps = [nodeToolchain(version, repo.pm)];
  if (commands.activate) steps.push(runStep(commands.activate.name, commands.activate.command));
  if (install) steps.push(runStep(commands.install.name, commands.install.command));
  return steps;
}

/** Keyed by the Node.js version and manager, then the lock file (package.json when there is none). */
function nodeCache(repo: NodeRepo, version: string) {
  const keyFiles = repo.pm.lockFiles.length ? repo.pm.lockFiles : repo.pkg ? ["package.json"] : [];
  return moduleCache({
    name: "node",
    versions: [keyPart(version), managerLabel(repo.pm, "-")],
    lockFiles: keyFiles,
    paths: installCommands(repo.pm).cachePaths,
  });
}

/** "lts/*" -> "lts-x": cache keys hold no slashes or globs on some providers. */
function keyPart(version: string): string {
  return version.replaceAll("*", "x").replace(/[^A-Za-z0-9._-]/g, "-");
}
