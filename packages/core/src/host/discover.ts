import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { delimiter, dirname, extname, join, resolve } from "node:path";
import type { PluginLaunch } from "./plugin-process";

/** Where to look for plugin executables, in the protocol's search order. */
export interface SearchPaths {
  /** Executables named explicitly (command line or config): name -> path. */
  explicit: ReadonlyMap<string, string>;
  /** The repository root (for .cigen/plugins and node_modules/.bin). */
  repoRoot: string;
  /** Folders holding the plugins shipped with cigen. */
  bundled: readonly string[];
  /** The PATH variable. */
  path: string | undefined;
}

const JS_EXTENSIONS = new Set([".mjs", ".js", ".cjs"]);

/** Finds the executable `name` (e.g. "cigen-provider-github"); undefined when it is nowhere. */
export function findPlugin(name: string, paths: SearchPaths): PluginLaunch | undefined {
  const explicit = paths.explicit.get(name);
  if (explicit) return launchFor(name, resolve(explicit), "explicit");
  for (const [dir, source] of searchDirs(paths)) {
    const found = lookIn(dir, name);
    if (found) return launchFor(name, found, source);
  }
  return undefined;
}

/**
 * Every copy of `name` in search order (the first is what findPlugin returns), one per real file:
 * module version resolution picks among them (`.cigen/plugins` may hold a newer module than the
 * one bundled with cigen).
 */
export function findPluginEverywhere(name: string, paths: SearchPaths): PluginLaunch[] {
  const found: PluginLaunch[] = [];
  const seen = new Set<string>();
  const add = (launch: PluginLaunch) => {
    const key = launch.args[0] ?? launch.command;
    if (!seen.has(key)) found.push(launch);
    seen.add(key);
  };
  const explicit = paths.explicit.get(name);
  if (explicit) add(launchFor(name, resolve(explicit), "explicit"));
  for (const [dir, source] of searchDirs(paths)) {
    const file = lookIn(dir, name);
    if (file) add(launchFor(name, file, source));
  }
  return found;
}

/** The launch for an executable at a known path (from cigen.lock). */
export function launchAt(name: string, path: string, source: string): PluginLaunch {
  return launchFor(name, path, source);
}

/**
 * What was found for each SearchPaths object: a run creates one and asks it many times (module
 * resolution lists every installed module once per need), and the folders do not change during a
 * run. Listing PATH's folders (/usr/bin has thousands of names) a dozen times was ~100 ms of a
 * six-module `generate` (--cpu-prof).
 */
const listed = new WeakMap<SearchPaths, PluginLaunch[]>();

/** Every plugin executable visible from `paths`, first match per name, for `cigen plugins`. */
export function listPlugins(paths: SearchPaths): PluginLaunch[] {
  let plugins = listed.get(paths);
  if (!plugins) {
    plugins = scanPlugins(paths);
    listed.set(paths, plugins);
  }
  return [...plugins];
}

function scanPlugins(paths: SearchPaths): PluginLaunch[] {
  const seen = new Map<string, PluginLaunch>();
  for (const [name, path] of paths.explicit) seen.set(name, launchFor(name, resolve(path), "explicit"));
  for (const [dir, source] of searchDirs(paths)) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const name = entry.replace(/\.(mjs|cjs|js)$/, "");
      if (!/^cigen-(provider|module|policy|store)-/.test(name) || seen.has(name)) continue;
      const found = lookIn(dir, name);
      if (found) seen.set(name, launchFor(name, found, source));
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function searchDirs(paths: SearchPaths): [string, string][] {
  const dirs: [string, string][] = [
    [join(paths.repoRoot, ".cigen", "plugins"), ".cigen/plugins"],
    [join(paths.repoRoot, "node_modules", ".bin"), "node_modules"],
    ...paths.bundled.map((d): [string, string] => [d, "bundled"]),
  ];
  for (const d of (paths.path ?? "").split(delimiter)) if (d) dirs.push([d, "PATH"]);
  return dirs;
}

function lookIn(dir: string, name: string): string | undefined {
  for (const candidate of [name, `${name}.mjs`, `${name}.js`]) {
    const file = join(dir, candidate);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * A JavaScript plugin is started with this same Node binary and its bundle directly, which skips
 * `/usr/bin/env` and a wrapper module: a few milliseconds per plugin on every run.
 */
function launchFor(name: string, path: string, source: string): PluginLaunch {
  const real = existsSync(path) ? realpathSync(path) : path;
  if (JS_EXTENSIONS.has(extname(real))) {
    const bundle = bundleBehind(real);
    return { name, command: process.execPath, args: [bundle], source, path };
  }
  return { name, command: path, args: [], source, path };
}

/** A bin wrapper `bin/x.mjs` of a cigen workspace plugin points at `dist/main.mjs`: start that. */
function bundleBehind(script: string): string {
  const bundle = join(dirname(script), "..", "dist", "main.mjs");
  return dirname(script).endsWith("bin") && existsSync(bundle) ? bundle : script;
}
