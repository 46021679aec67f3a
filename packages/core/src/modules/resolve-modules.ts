import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import semver from "semver";
import type { ConfigPath } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { suggestionHint } from "../diagnostics/did-you-mean";
import { findPluginEverywhere, launchAt, listPlugins, type SearchPaths } from "../host/discover";
import type { PluginHost } from "../host/plugin-host";
import type { PluginLaunch, PluginProcess } from "../host/plugin-process";
import { type Lock, type LockedModule, sha256File } from "./lockfile";
import { ModuleCodes } from "./module-codes";
import { moduleExecutable, moduleNameOf } from "./module-names";
import type { ModuleNeed } from "./module-needs";

/** A module chosen for this run, started and handshaken. */
export interface RunningModule {
  name: string;
  version: string;
  plugin: PluginProcess;
  /** What cigen.lock records for it. */
  locked: LockedModule;
}

export interface ResolvedModules {
  /** Module per need capability ("package:node" -> lang/node). */
  byCapability: Map<string, RunningModule>;
  modules: RunningModule[];
  diagnostics: Diagnostic[];
}

interface Context {
  config: LoadedConfig;
  search: SearchPaths;
  host: PluginHost;
  repoRoot: string;
}

/**
 * Finds, verifies and starts the modules the needs ask for. With a lock, the locked copies are
 * hashed before anything starts and a mismatch stops the run (a changed executable is exactly what
 * a lock exists to catch); without one (or with `--update-lock`), every installed copy of each
 * candidate module is asked for its version and the highest one that satisfies the constraints
 * wins, as npm resolves a range.
 */
export async function resolveModules(
  ctx: Context,
  needs: readonly ModuleNeed[],
  locked: { lock: Lock; verified: ReadonlyMap<string, PluginLaunch> } | undefined,
): Promise<ResolvedModules> {
  const diagnostics = checkConstraints(ctx, needs);
  if (diagnostics.length) return { byCapability: new Map(), modules: [], diagnostics };
  return locked ? fromLock(ctx, needs, locked.lock, locked.verified) : fromInstalled(ctx, needs);
}

/**
 * Checks every module cigen.lock records against the installed copy, before any plugin starts:
 * the copy must exist where the lock says and hash to the recorded sha256. Returns the launches
 * of the modules that passed.
 */
export async function verifyLock(
  ctx: Pick<Context, "search" | "repoRoot">,
  lock: Lock,
): Promise<{ verified: Map<string, PluginLaunch>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const verified = new Map<string, PluginLaunch>();
  await Promise.all(
    lock.modules.map(async (entry) => {
      const launch = lockedLaunch(ctx, entry);
      if (!launch) {
        diagnostics.push({
          severity: "error",
          code: ModuleCodes.LOCK_MODULE_GONE,
          file: "cigen.lock",
          message: `module ${entry.name} ${entry.version} is locked at ${entry.source} ${entry.path}, but it is not installed there`,
          hint: "install it again, or run `cigen lock` to resolve the modules that are installed now",
        });
        return;
      }
      const actual = await sha256File(runFile(launch));
      if (actual !== entry.sha256) {
        diagnostics.push({
          severity: "error",
          code: ModuleCodes.LOCK_HASH_MISMATCH,
          file: "cigen.lock",
          message: `module ${entry.name} ${entry.version} (${runFile(launch)}) does not match cigen.lock: expected sha256 ${entry.sha256}, found ${actual}`,
          hint: "someone changed the module's executable; if the change is expected, accept it with `cigen lock` or --update-lock",
        });
        return;
      }
      verified.set(entry.name, launch);
    }),
  );
  diagnostics.sort((a, b) => a.message.localeCompare(b.message));
  return { verified, diagnostics };
}

async function fromLock(
  ctx: Context,
  needs: readonly ModuleNeed[],
  lock: Lock,
  verified: ReadonlyMap<string, PluginLaunch>,
): Promise<ResolvedModules> {
  const diagnostics: Diagnostic[] = [];
  const chosen = new Map<string, { entry: LockedModule; launch: PluginLaunch }>();
  const forNeed = new Map<string, LockedModule>();
  for (const need of needs) {
    const entry = lock.modules.find((m) =>
      need.pinned ? m.name === need.pinned.name : m.provides.includes(need.capability),
    );
    if (!entry) {
      // The lock was resolved from the same needs: an image service it does not record is served
      // by no module, and stays a plain container.
      if (need.optional) continue;
      diagnostics.push(
        at(
          ctx,
          need.path,
          ModuleCodes.LOCK_MISSING_MODULE,
          `"${need.label}" needs a module that cigen.lock does not record`,
          "run `cigen lock` (or pass --update-lock) to resolve it and record it in cigen.lock",
        ),
      );
      continue;
    }
    if (need.pinned && !satisfies(entry.version, need.pinned.constraint)) {
      diagnostics.push(
        at(
          ctx,
          need.path,
          ModuleCodes.NO_MATCHING_VERSION,
          `cigen.lock records ${entry.name} ${entry.version}, which does not satisfy "${need.pinned.constraint}"`,
          "run `cigen lock` (or pass --update-lock) after changing a version constraint",
        ),
      );
      continue;
    }
    forNeed.set(need.capability, entry);
    const launch = verified.get(entry.name);
    if (!launch) continue; // reported by verifyLock
    chosen.set(entry.name, { entry, launch });
  }
  if (diagnostics.length) return { byCapability: new Map(), modules: [], diagnostics };

  const started = await Promise.all(
    [...chosen.values()].map(async ({ entry, launch }) => ({ entry, ...(await ctx.host.startLaunch(launch)) })),
  );
  const modules: RunningModule[] = [];
  for (const s of started) {
    if (s.diagnostic) diagnostics.push(s.diagnostic);
    if (!s.plugin) continue;
    if (s.plugin.info.version !== s.entry.version) {
      diagnostics.push({
        severity: "error",
        code: ModuleCodes.LOCK_HASH_MISMATCH,
        file: "cigen.lock",
        message: `module ${s.entry.name} says it is version ${s.plugin.info.version}, but cigen.lock records ${s.entry.version}`,
        hint: "run `cigen lock` to record the installed version",
      });
      continue;
    }
    modules.push({ name: s.entry.name, version: s.entry.version, plugin: s.plugin, locked: s.entry });
  }
  const byName = new Map(modules.map((m) => [m.name, m]));
  const byCapability = new Map<string, RunningModule>();
  for (const [capability, entry] of forNeed) {
    const running = byName.get(entry.name);
    if (running) byCapability.set(capability, running);
  }
  return { byCapability, modules, diagnostics };
}

async function fromInstalled(ctx: Context, needs: readonly ModuleNeed[]): Promise<ResolvedModules> {
  const diagnostics: Diagnostic[] = [];
  const candidates = new Map<string, string[]>();
  for (const need of needs) {
    const names = candidateNames(ctx.search, need);
    if (names.length === 0 && !need.optional) diagnostics.push(notFound(ctx, need));
    if (names.length) candidates.set(need.capability, names);
  }
  const launches = [...new Set([...candidates.values()].flat())].flatMap((name) =>
    findPluginEverywhere(moduleExecutable(name), ctx.search),
  );
  const started = await Promise.all(
    launches.map(async (launch) => ({ launch, ...(await ctx.host.startLaunch(launch)) })),
  );
  const copies = started.flatMap((s) => {
    if (s.diagnostic) diagnostics.push(s.diagnostic);
    const name = moduleNameOf(s.launch.name);
    return s.plugin && name ? [{ name, plugin: s.plugin, launch: s.launch }] : [];
  });

  const picked = new Map<
    PluginProcess,
    { name: string; launch: PluginLaunch; constraints: Set<string>; provides: Set<string> }
  >();
  const chosenFor = new Map<string, PluginProcess>();
  for (const need of needs) {
    if (!candidates.has(need.capability)) continue;
    const serving = copies.filter(
      (c) =>
        (need.pinned ? c.name === need.pinned.name : true) &&
        (c.plugin.info.capabilities.includes(need.capability) || c.name === need.pinned?.name),
    );
    const names = [...new Set(serving.map((c) => c.name))];
    if (names.length === 0) {
      if (!need.optional) diagnostics.push(notFound(ctx, need));
      continue;
    }
    if (names.length > 1) {
      diagnostics.push(
        at(
          ctx,
          need.path,
          ModuleCodes.CONFLICT,
          `"${need.label}" is provided by several modules: ${names.join(", ")}`,
          `pick one in cigen.yml, e.g. modules: { ${need.label.split(/[:@]/)[0]}: "${names[0]}@*" }`,
        ),
      );
      continue;
    }
    const constraint = need.pinned?.constraint ?? "";
    const fitting = serving
      .filter((c) => satisfies(c.plugin.info.version, constraint))
      .sort((a, b) => semver.rcompare(coerced(a.plugin.info.version), coerced(b.plugin.info.version)));
    if (fitting.length === 0) {
      const found = serving.map((c) => `${c.plugin.info.version} (${c.launch.source})`).join(", ");
      diagnostics.push(
        at(
          ctx,
          need.path,
          ModuleCodes.NO_MATCHING_VERSION,
          `no installed version of ${names[0]} satisfies "${constraint}"; found ${found}`,
          "change the version constraint, or install a matching version in .cigen/plugins or node_modules",
        ),
      );
      continue;
    }
    const best = fitting[0];
    chosenFor.set(need.capability, best.plugin);
    const entry = picked.get(best.plugin) ?? {
      name: best.name,
      launch: best.launch,
      constraints: new Set(),
      provides: new Set(),
    };
    entry.constraints.add(constraint || "*");
    entry.provides.add(need.capability);
    picked.set(best.plugin, entry);
  }
  await Promise.all(copies.filter((c) => !picked.has(c.plugin)).map((c) => ctx.host.release(c.plugin)));

  const modules: RunningModule[] = await Promise.all(
    [...picked].map(async ([plugin, p]) => ({
      name: p.name,
      version: plugin.info.version,
      plugin,
      locked: {
        name: p.name,
        version: plugin.info.version,
        constraints: [...p.constraints],
        source: p.launch.source,
        path: lockPath(ctx, p.launch),
        sha256: await sha256File(runFile(p.launch)),
        provides: [...p.provides],
      },
    })),
  );
  const byPlugin = new Map(modules.map((m) => [m.plugin, m]));
  const byCapability = new Map([...chosenFor].map(([cap, plugin]) => [cap, byPlugin.get(plugin)!]));
  return { byCapability, modules, diagnostics };
}

/** Module names that may serve a need: the pinned one, else those whose namespace or name is the entry. */
/** The installed modules that may serve `need`, by name (each is started and asked). */
export function candidateNames(search: SearchPaths, need: Pick<ModuleNeed, "capability" | "pinned">): string[] {
  if (need.pinned)
    return findPluginEverywhere(moduleExecutable(need.pinned.name), search).length ? [need.pinned.name] : [];
  const wanted = need.capability.slice(need.capability.indexOf(":") + 1);
  const installed = installedModules(search);
  const named = installed.filter((name) => name.split("/").includes(wanted));
  // A module may serve names it is not named after (db/postgres serves postgis, cache/redis
  // valkey): only its capabilities say so, so an entry no module is named after asks them all.
  // That costs a start of every installed module, once, for configs naming such an image.
  return named.length || need.capability.startsWith("module:") ? named : installed;
}

function installedModules(search: SearchPaths): string[] {
  return listPlugins(search).flatMap((p) => moduleNameOf(p.name) ?? []);
}

function notFound(ctx: Context, need: ModuleNeed): Diagnostic {
  const kind = need.capability.split(":")[0];
  const installed = installedModules(ctx.search);
  const shortNames = installed.flatMap((n) => n.split("/"));
  const guess = suggestionHint(need.label, kind === "module" ? installed : shortNames, "installed modules");
  return at(
    ctx,
    need.path,
    ModuleCodes.NOT_FOUND,
    `no installed module provides the ${kind} "${need.label}"`,
    `${guess}; modules are found in .cigen/plugins, node_modules/.bin, the modules bundled with cigen and PATH`,
  );
}

/** Constraints must be npm semver ranges; a typo there would otherwise match nothing, far from its cause. */
function checkConstraints(ctx: Context, needs: readonly ModuleNeed[]): Diagnostic[] {
  return needs.flatMap((need) =>
    need.pinned?.constraint && !semver.validRange(need.pinned.constraint)
      ? [
          at(
            ctx,
            need.path,
            ModuleCodes.BAD_REFERENCE,
            `"${need.pinned.constraint}" is not a version range (in "${need.label}")`,
            'write an npm semver range such as "^1", "~1.2" or ">=1.4 <2"',
          ),
        ]
      : [],
  );
}

function satisfies(version: string, constraint: string): boolean {
  const v = semver.valid(version);
  return v !== null && semver.satisfies(v, constraint || "*", { includePrerelease: true });
}

function coerced(version: string): string {
  return semver.valid(version) ?? "0.0.0";
}

/** The file whose bytes the lock hashes: a JavaScript plugin's bundle, else the executable. */
function runFile(launch: PluginLaunch): string {
  return launch.args[0] ?? launch.command;
}

/** Inside the repository: its relative path; elsewhere (bundled, PATH): the executable's name, machine-independent. */
function lockPath(ctx: Context, launch: PluginLaunch): string {
  const rel = relative(ctx.repoRoot, launch.path);
  return launch.source === ".cigen/plugins" || launch.source === "node_modules" ? rel : launch.name;
}

function lockedLaunch(ctx: Pick<Context, "search" | "repoRoot">, entry: LockedModule): PluginLaunch | undefined {
  const executable = moduleExecutable(entry.name);
  if (entry.source === ".cigen/plugins" || entry.source === "node_modules") {
    const path = join(ctx.repoRoot, entry.path);
    return existsSync(path) ? launchAt(executable, path, entry.source) : undefined;
  }
  return findPluginEverywhere(executable, ctx.search).find((l) => l.source === entry.source);
}

function at(ctx: Context, path: ConfigPath, code: string, message: string, hint: string): Diagnostic {
  const pos = path.length ? ctx.config.locateValue(path) : { line: 0, column: 0 };
  return {
    severity: "error",
    code,
    message,
    hint,
    file: ctx.config.source.displayPath,
    line: pos.line || undefined,
    column: pos.column || undefined,
  };
}
