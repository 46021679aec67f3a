import { basename, dirname } from "node:path";
import type { SearchPaths } from "../host/discover";

/** Search paths from the pipeline options: `--plugin` paths are keyed by executable name. */
export function searchPathsFor(
  options: { pluginPaths: string[]; bundledPluginDirs: string[]; env: NodeJS.ProcessEnv },
  repoRoot: string,
): SearchPaths {
  const explicit = new Map<string, string>();
  for (const p of options.pluginPaths) explicit.set(basename(p).replace(/\.(mjs|cjs|js)$/, ""), p);
  return { explicit, repoRoot, bundled: options.bundledPluginDirs, path: options.env.PATH };
}

/** The repository root is the folder of the config file (outputs are written relative to it). */
export function repoRootOf(configPath: string): string {
  const dir = dirname(configPath);
  return basename(dir) === ".cigen" ? dirname(dir) : dir;
}
