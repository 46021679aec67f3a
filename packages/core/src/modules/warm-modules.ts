import type { LoadedConfig } from "../config/loaded-config";
import { findPluginEverywhere, type SearchPaths } from "../host/discover";
import type { PluginHost } from "../host/plugin-host";
import { entryName, moduleExecutable, parseModuleRef } from "./module-names";
import { configuredPins } from "./module-needs";
import type { LockState } from "./module-stage";
import { candidateNames } from "./resolve-modules";

/**
 * Starts, ahead of the modules stage, the module processes this run will most likely ask for, so
 * their spawn and handshake overlap with building the models (for 1,000 jobs the model build alone
 * is ~250 ms, about what a module takes to start). The modules stage still decides everything:
 * it resolves from the models as before and merely finds these processes already running
 * (`PluginHost.warm`); a guess that was wrong only costs a process that is shut down unused.
 *
 * The guess: with a cigen.lock, the modules it records (already verified by `checkLock`); without
 * one, the candidates for what the config names literally (packages, services, `uses:` steps).
 */
export function warmModules(
  ctx: { config: LoadedConfig; search: SearchPaths },
  host: PluginHost,
  lockState: LockState,
): void {
  if (lockState.locked) {
    for (const launch of lockState.locked.verified.values()) host.warm(launch);
    return;
  }
  const pins = configuredPins(ctx.config);
  const names = new Set<string>();
  for (const capability of namedCapabilities(ctx.config)) {
    for (const name of candidateNames(ctx.search, { capability, pinned: pins.get(capability) })) names.add(name);
  }
  for (const name of names)
    for (const launch of findPluginEverywhere(moduleExecutable(name), ctx.search)) host.warm(launch);
}

/** Capabilities the config asks for in so many words; entries with `{{ }}` are left to the models. */
function namedCapabilities(config: LoadedConfig): Set<string> {
  const raw = config.raw;
  const wanted = new Set<string>();
  const literal = (entry: unknown): entry is string => typeof entry === "string" && !entry.includes("{{");
  for (const entry of raw.packages ?? []) if (literal(entry)) wanted.add(`package:${entry}`);
  for (const job of Object.values(raw.jobs ?? {})) {
    for (const entry of job?.packages ?? []) if (literal(entry)) wanted.add(`package:${entry}`);
    for (const entry of job?.services ?? [])
      if (literal(entry) && !(entry in (raw.services ?? {}))) wanted.add(`service:${entryName(entry)}`);
    for (const step of job?.steps ?? []) {
      const ref = literal(step?.uses) ? parseModuleRef(step.uses) : undefined;
      if (ref) wanted.add(`module:${ref.name}`);
    }
  }
  return wanted;
}
