import type { Diagnostic } from "../../diagnostics/diagnostic";
import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import type { LoadedConfig } from "../loaded-config";
import { type ConfigCheck, configError } from "./config-error";

/** Runner classes every provider knows a default for. */
export const BUILTIN_RUNNERS = ["default", "small", "medium", "large", "xlarge"] as const;

/** A job's `runner` and `project.default_runner` must be built in or defined under `runners`. */
export const checkRunners: ConfigCheck = (config) => {
  const known = [...BUILTIN_RUNNERS, ...Object.keys(config.raw.runners ?? {}).filter((n) => !isBuiltinRunner(n))];
  const out: Diagnostic[] = [];
  const check = (name: string | undefined, path: (string | number)[], owner: string) => {
    if (name === undefined || known.includes(name)) return;
    const message = `${owner} uses unknown runner class "${name}"`;
    out.push(
      configError(
        config,
        ConfigCodes.UNKNOWN_RUNNER,
        path,
        message,
        suggestionHint(name, known, "Known runner classes"),
      ),
    );
  };
  check(config.raw.project?.default_runner, ["project", "default_runner"], "project.default_runner");
  for (const [id, job] of Object.entries(config.raw.jobs)) check(job.runner, ["jobs", id, "runner"], `job "${id}"`);
  return out;
};

export function isBuiltinRunner(name: string): boolean {
  return (BUILTIN_RUNNERS as readonly string[]).includes(name);
}

/**
 * A runner class that is not built in needs settings for every provider it is generated for; a
 * built-in one falls back to the provider's default. Run per selected provider by the pipeline
 * (buildModel runs it for its target), since only they know which providers are selected.
 */
export function checkRunnerProviders(config: LoadedConfig, providers: readonly string[]): Diagnostic[] {
  const runners = config.raw.runners ?? {};
  const out: Diagnostic[] = [];
  const used = new Map<string, (string | number)[]>();
  const fallback = config.raw.project?.default_runner ?? "default";
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    const name = job.runner ?? fallback;
    if (!used.has(name)) used.set(name, job.runner ? ["jobs", id, "runner"] : ["project", "default_runner"]);
  }
  for (const [name, path] of used) {
    if (isBuiltinRunner(name) || !(name in runners)) continue;
    for (const provider of providers) {
      if (runners[name][provider] !== undefined) continue;
      const message = `runner class "${name}" has no settings for provider "${provider}"`;
      const hint = `add runners.${name}.${provider}, or use a built-in class (${BUILTIN_RUNNERS.join(", ")})`;
      out.push(configError(config, ConfigCodes.RUNNER_MISSING_PROVIDER, path, message, hint));
    }
  }
  return out;
}
