import { selectedProviders } from "../config/providers";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { buildModel } from "../model/build-model";
import { LOCK_FILE, type Lock, renderLock, runModuleStage } from "../modules";
import { createHost } from "./create-host";
import { openConfig } from "./locate-config";
import type { PipelineOptions } from "./pipeline-options";
import { searchPathsFor } from "./search-paths";

export interface LockResult {
  lock?: Lock;
  /** cigen.lock's new content; undefined on errors. */
  text?: string;
  /** Where it goes: the repository root. */
  repoRoot?: string;
  diagnostics: Diagnostic[];
}

/**
 * `cigen lock`: resolves every module the config needs from what is installed now (ignoring the
 * current cigen.lock) and renders the new lock. Modules are started for their handshake (the
 * version they report is what gets locked) but not asked to detect or plan.
 */
export async function lockModules(options: PipelineOptions): Promise<LockResult> {
  const opened = await openConfig(options.cwd, options.configPath);
  const diagnostics = [...opened.diagnostics];
  const { config, repoRoot } = opened;
  if (!config || !repoRoot) return { diagnostics };
  const providers = selectedProviders(config);
  const models = providers.map((target) => {
    const built = buildModel(config, { target, providers });
    diagnostics.push(...built.diagnostics);
    return built.model;
  });
  if (hasErrors(diagnostics)) return { diagnostics, repoRoot };
  const search = searchPathsFor(options, repoRoot);
  const host = createHost(options, search);
  try {
    const stage = await runModuleStage(
      { config, repoRoot, search },
      host,
      models,
      { diagnostics: [] },
      { plan: false },
    );
    diagnostics.push(...stage.diagnostics);
    if (hasErrors(diagnostics)) return { diagnostics, repoRoot };
    const lock = stage.lock ?? { modules: [] };
    return { lock, text: renderLock(lock), repoRoot, diagnostics };
  } finally {
    diagnostics.push(...(await host.shutdown()));
  }
}

export { LOCK_FILE };
