import type { DetectResponse, Model } from "@cigen/protocol";
import type { LoadedConfig } from "../config/loaded-config";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { findPluginEverywhere, type SearchPaths } from "../host/discover";
import type { PluginHost } from "../host/plugin-host";
import type { PluginLaunch } from "../host/plugin-process";
import { applyContributions } from "./apply-contributions";
import { type Lock, readLock } from "./lockfile";
import { ModuleCodes } from "./module-codes";
import { moduleExecutable } from "./module-names";
import { collectModuleNeeds } from "./module-needs";
import { planModules } from "./plan-modules";
import { resolveModules, verifyLock } from "./resolve-modules";

export interface ModuleContext {
  config: LoadedConfig;
  repoRoot: string;
  search: SearchPaths;
}

/** cigen.lock read and checked: what the modules stage resolves from. */
export interface LockState {
  /** Undefined when there is no cigen.lock or the run ignores it (`--update-lock`, `cigen lock`). */
  locked?: { lock: Lock; verified: ReadonlyMap<string, PluginLaunch> };
  diagnostics: Diagnostic[];
}

/**
 * Reads and verifies cigen.lock. Run it before any plugin starts: a module whose executable
 * changed must not run at all, not even its handshake.
 */
export async function checkLock(ctx: ModuleContext, options: { ignoreLock: boolean }): Promise<LockState> {
  if (options.ignoreLock) return { diagnostics: [] };
  const read = await readLock(ctx.repoRoot);
  if (!read.lock) return { diagnostics: read.diagnostics };
  const { verified, diagnostics } = await verifyLock(ctx, read.lock);
  return { locked: { lock: read.lock, verified }, diagnostics: [...read.diagnostics, ...diagnostics] };
}

export interface ModuleStageResult {
  diagnostics: Diagnostic[];
  /** The lock this run resolved (what `cigen lock` writes); undefined when no module was needed. */
  lock?: Lock;
  /** Each module's Detect answer, by module name. */
  detected: Map<string, DetectResponse>;
  /** Applies the same plans to a model built later (a continuation for one provider). */
  applyTo(model: Model): Diagnostic[];
}

/**
 * The modules stage of the pipeline: finds what the models ask of modules (packages, services,
 * `uses:` steps), resolves and starts those modules (from cigen.lock when there is one), runs
 * Detect and Plan, and applies the plans to every provider's model in place. `plan: false`
 * stops after resolution, for `cigen lock`.
 */
export async function runModuleStage(
  ctx: ModuleContext,
  host: PluginHost,
  models: Model[],
  lockState: LockState,
  options: { plan: boolean } = { plan: true },
): Promise<ModuleStageResult> {
  const isModule = (name: string) => findPluginEverywhere(moduleExecutable(name), ctx.search).length > 0;
  const { needs, jobs } = collectModuleNeeds(ctx.config, models, isModule);
  const detected = new Map<string, DetectResponse>();
  const nothing = () => [];
  if (needs.length === 0) return { diagnostics: [], detected, applyTo: nothing };

  const resolved = await resolveModules({ ...ctx, host }, needs, lockState.locked);
  const diagnostics = [...resolved.diagnostics];
  const lock: Lock = { modules: resolved.modules.map((m) => m.locked) };
  if (!lockState.locked && options.plan && resolved.modules.length)
    diagnostics.push({
      severity: "info",
      code: ModuleCodes.NOT_LOCKED,
      message: `${resolved.modules.length} module(s) resolved without a cigen.lock`,
      hint: "run `cigen lock` and commit cigen.lock, so every machine runs the same module versions",
    });
  if (hasErrors(diagnostics) || !options.plan) return { diagnostics, lock, detected, applyTo: nothing };

  const planned = await planModules(host, ctx.config, ctx.repoRoot, resolved, jobs);
  diagnostics.push(...planned.diagnostics);
  const byJob = new Map(jobs.map((j) => [j.job.id, j]));
  const applyTo = (model: Model) => applyContributions(model, planned.contributions, byJob);
  for (const model of models) diagnostics.push(...applyTo(model));
  return { diagnostics: dedupe(diagnostics), lock, detected: planned.detected, applyTo };
}

/** Detect and plan run once, but their warnings reach every provider's model only once too. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
