import type { LoadedConfig } from "../config/load-config";
import { outputPathFor } from "../config/providers";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { checkLock, type Lock, warmModules } from "../modules";
import { mergeFragments } from "../output/merge-fragments";
import type { RenderedFile } from "../output/rendered-file";
import { skipFlags } from "../skipping/skip-flags";
import { buildModels } from "./build-models";
import { createHost } from "./create-host";
import { generateStage, type ProviderTarget } from "./generate-stage";
import { openConfig } from "./locate-config";
import type { PipelineOptions } from "./pipeline-options";
import { resolvePluginPositions } from "./plugin-diagnostics";
import { searchPathsFor } from "./search-paths";
import { providerExecutable, resolveProviders } from "./select-providers";
import { validateStage } from "./validate-stage";

/** What a run produced: the files to write (only meaningful without errors) and every diagnostic. */
export interface PipelineResult {
  files: RenderedFile[];
  diagnostics: Diagnostic[];
  /** The repository root outputs are relative to; undefined when no config was found. */
  repoRoot?: string;
  config?: LoadedConfig;
  providers: string[];
  /** The modules this run resolved, as cigen.lock records them (written by --update-lock). */
  lock?: Lock;
}

/**
 * The product, top to bottom: load the config -> check cigen.lock -> start plugins -> plan (the
 * resolved model per provider, then the modules' detect and plan applied to it) -> generate
 * (providers concurrently) -> merge -> validate -> shut plugins down. Writing is the caller's decision (generate writes, validate and plan do not), so this
 * function computes and never touches the output files.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const stage = options.onStage ?? (() => {});
  const diagnostics: Diagnostic[] = [];
  const done = (extra: Partial<PipelineResult> = {}): PipelineResult => ({
    files: [],
    providers: [],
    diagnostics,
    ...extra,
  });

  stage("load");
  const opened = await openConfig(options.cwd, options.configPath);
  diagnostics.push(...opened.diagnostics);
  const { config, repoRoot } = opened;
  if (!config || !repoRoot) return done();

  const search = searchPathsFor(options, repoRoot);
  const selection = resolveProviders(config, options.providers, search);
  diagnostics.push(...selection.diagnostics);
  if (hasErrors(diagnostics)) return done({ config, repoRoot });
  const { providers } = selection;

  // Before any plugin starts: a module that no longer matches cigen.lock must not run at all.
  const modules = { config, repoRoot, search };
  const lockState = await checkLock(modules, { ignoreLock: options.updateLock === true });
  diagnostics.push(...lockState.diagnostics);
  if (hasErrors(diagnostics)) return done({ config, repoRoot });

  stage("start plugins");
  const host = createHost(options, search);
  try {
    // Plugins start while the models are built: the spawn and handshake are the slow part.
    const starting = host.start(providers.map(providerExecutable));
    warmModules(modules, host, lockState);

    stage("plan");
    const planned = await buildModels(modules, host, providers, providers, lockState);
    diagnostics.push(...planned.diagnostics);
    const { models } = planned;
    const lock = planned.modules?.lock;
    const started = await starting;
    diagnostics.push(...started.diagnostics);
    if (hasErrors(diagnostics)) return done({ config, repoRoot, providers, lock });

    stage("generate");
    const targets: ProviderTarget[] = providers.map((provider, i) => ({
      provider,
      model: models[i],
      outputPath: outputPathFor(config, provider) ?? "",
      plugin: started.plugins.find((p) => p.info.capabilities.includes(`provider:${provider}`)) ?? started.plugins[i],
    }));
    const generated = await generateStage(host, targets, skipFlags("setup", repoRoot, lock?.modules));
    diagnostics.push(...resolvePluginPositions(generated.diagnostics, config));
    const merged = mergeFragments(generated.fragments);
    diagnostics.push(...merged.diagnostics);
    if (hasErrors(diagnostics)) return done({ config, repoRoot, providers, lock });

    stage("validate");
    diagnostics.push(...resolvePluginPositions(await validateStage(host, started.plugins, merged.files), config));
    return done({ config, repoRoot, providers, lock, files: merged.files });
  } finally {
    stage("shut down");
    diagnostics.push(...(await host.shutdown()));
  }
}
