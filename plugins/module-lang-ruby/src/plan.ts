import { moduleCache, planJobs, runStep } from "@cigen/module-kit";
import type { Hook } from "@cigen/plugin-sdk";
import type { Diagnostic, Step } from "@cigen/protocol";
import { readInputs } from "./inputs";
import { BUNDLE_PATH, bundleInstall } from "./install";
import { type RubyRepo, readRubyRepo, signatureFiles } from "./ruby-repo";
import { rubyToolchain } from "./toolchain";

/**
 * Plan: `packages: [ruby]` gets Ruby and `bundle install` as setup steps; a `uses: lang/ruby` step
 * is replaced by the same steps (with its `with:` inputs). Both get the vendor/bundle cache and the
 * version, Gemfile and lock files as signature inputs. Detection warnings are Detect's to report.
 */
export const plan: Hook<"plan"> = (request) => {
  const repo = readRubyRepo(request.repoRoot);
  const diagnostics: Diagnostic[] = [];
  return planJobs(
    request,
    (job) => {
      const uses = job.uses.map((use) => ({ use, inputs: readInputs(job, use, diagnostics) }));
      const setup = job.packages.length > 0;
      if (!setup && !uses.length) return {};
      // The job's Ruby: the detected one for `packages`, else the first `uses:` step's.
      const version = (setup ? undefined : uses[0].inputs.version) ?? repo.version.version;
      const installs = repo.manifest !== undefined && (setup || uses.some((u) => u.inputs.install));
      const signatureValues: Record<string, string> = { ruby: version };
      if (repo.bundler) signatureValues.bundler = repo.bundler;
      return {
        setupSteps: setup ? rubySteps(repo, version, true) : [],
        replacements: uses.map(({ use, inputs }) => ({
          stepIndex: use.stepIndex,
          steps: rubySteps(repo, inputs.version ?? repo.version.version, inputs.install),
        })),
        caches: installs
          ? [
              moduleCache({
                name: "ruby",
                versions: [version],
                // Without a lock file the Gemfile is what changes when the gems do.
                lockFiles: [repo.lock ?? repo.manifest ?? "Gemfile"],
                paths: [BUNDLE_PATH],
              }),
            ]
          : [],
        signatureFiles: signatureFiles(repo),
        signatureValues,
      };
    },
    diagnostics,
  );
};

/** Ruby, then `bundle install` when asked and there is a Gemfile to install from. */
function rubySteps(repo: RubyRepo, version: string, install: boolean): Step[] {
  const steps = [rubyToolchain(version, repo.bundler)];
  if (install && repo.manifest) steps.push(runStep("Install gems (bundler)", bundleInstall(repo.lock !== undefined)));
  return steps;
}
