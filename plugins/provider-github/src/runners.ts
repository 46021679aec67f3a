import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { type JsonObject, parseProviderConfig } from "@cigen/provider-kit";
import { INVALID_PROVIDER_CONFIG, UNKNOWN_RUNNER } from "./codes";

/**
 * Built-in `runs-on` labels for the runner classes every provider knows, by architecture.
 *
 * - default, small, medium: `ubuntu-latest`, GitHub's standard hosted runner and the smallest one
 *   that needs no set-up (there is no smaller hosted Linux size to pick for small).
 * - large, xlarge: `ubuntu-latest-8-cores` / `ubuntu-latest-16-cores`, the names GitHub's docs use
 *   for larger runners. Larger runners exist only once an organization creates them under those
 *   names; anyone else defines the class in `runners:` with their own label.
 * - arm64: `ubuntu-24.04-arm`, GitHub's hosted arm64 runner. GitHub has no standard larger arm64
 *   label, so large and xlarge on arm64 must be configured.
 */
const BUILT_IN: Record<string, Record<string, string>> = {
  amd64: {
    default: "ubuntu-latest",
    small: "ubuntu-latest",
    medium: "ubuntu-latest",
    large: "ubuntu-latest-8-cores",
    xlarge: "ubuntu-latest-16-cores",
  },
  arm64: { default: "ubuntu-24.04-arm", small: "ubuntu-24.04-arm", medium: "ubuntu-24.04-arm" },
};

/** The built-in label for a runner class and architecture, or undefined when there is none. */
export function builtInRunsOn(className: string, arch: string): string | undefined {
  return BUILT_IN[arch || "amd64"]?.[className || "default"];
}

/** The job keys a runner contributes (`runs-on` first, then any other key its settings give). */
export interface RunnerKeys {
  keys: JsonObject;
  diagnostics: Diagnostic[];
}

/**
 * The job's `runs-on` and any other keys of the runner class's GitHub settings. Settings without
 * `runs-on` keep the built-in label, so a class may add e.g. `timeout-minutes` alone.
 */
export function runnerKeys(job: Job): RunnerKeys {
  const className = job.runner?.className || "default";
  let settings: JsonObject;
  try {
    settings = parseProviderConfig(job.runner?.settingsJson ?? "");
  } catch {
    return { keys: {}, diagnostics: [invalidSettings(job, className)] };
  }
  if (settings["runs-on"] !== undefined)
    return { keys: { "runs-on": settings["runs-on"], ...settings }, diagnostics: [] };
  const label = builtInRunsOn(className, job.arch);
  if (!label) return { keys: {}, diagnostics: [unknownRunner(job, className)] };
  return { keys: { "runs-on": label, ...settings }, diagnostics: [] };
}

function unknownRunner(job: Job, className: string): Diagnostic {
  const arch = job.arch ? ` (${job.arch})` : "";
  return diagnostic({
    code: UNKNOWN_RUNNER,
    message: `job "${job.id}": runner "${className}"${arch} has no github settings and GitHub Actions has no built-in runner for it`,
    hint: `Add runners.${className}.github: { runs-on: <label> } to cigen.yml.`,
    loc: job.loc,
  });
}

function invalidSettings(job: Job, className: string): Diagnostic {
  return diagnostic({
    code: INVALID_PROVIDER_CONFIG,
    message: `job "${job.id}": runners.${className}.github is not a JSON object, so GitHub Actions cannot use it`,
    hint: `Write runners.${className}.github as a mapping, e.g. { runs-on: ubuntu-latest }.`,
    loc: job.loc,
  });
}
