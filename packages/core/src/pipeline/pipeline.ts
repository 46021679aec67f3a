import type { LoadedConfig } from "../config/load-config";
import { outputPathFor } from "../config/providers";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { pluginEnvironment } from "../host/plugin-environment";
import { PluginHost } from "../host/plugin-host";
import { buildModel } from "../model/build-model";
import { mergeFragments } from "../output/merge-fragments";
import type { RenderedFile } from "../output/rendered-file";
import { CIGEN_VERSION } from "../version";
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
}

/**
 * The product, top to bottom: load the config -> resolve and start plugins -> plan (the resolved
 * model per provider) -> generate (providers concurrently) -> merge -> validate -> shut plugins
 * down. Writing is the caller's decision (generate writes, validate and plan do not), so this
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

  stage("start plugins");
  const host = new PluginHost({
    search,
    coreVersion: CIGEN_VERSION,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    callTimeoutMs: options.callTimeoutMs,
    shutdownGraceMs: options.shutdownGraceMs,
    env: pluginEnvironment(options.env),
    onStderrLine: options.onPluginLog,
  });
  try {
    // Plugins start while the models are built: the spawn and handshake are the slow part.
    const starting = host.start(providers.map(providerExecutable));

    stage("plan");
    const models = providers.map((target) => {
      const built = buildModel(config, { target, providers });
      diagnostics.push(...built.diagnostics);
      return built.model;
    });
    const started = await starting;
    diagnostics.push(...started.diagnostics);
    if (hasErrors(diagnostics)) return done({ config, repoRoot, providers });

    stage("generate");
    const targets: ProviderTarget[] = providers.map((provider, i) => ({
      provider,
      model: models[i],
      outputPath: outputPathFor(config, provider) ?? "",
      plugin: started.plugins.find((p) => p.info.capabilities.includes(`provider:${provider}`)) ?? started.plugins[i],
    }));
    const generated = await generateStage(host, targets);
    diagnostics.push(...resolvePluginPositions(generated.diagnostics, config));
    const merged = mergeFragments(generated.fragments);
    diagnostics.push(...merged.diagnostics);
    if (hasErrors(diagnostics)) return done({ config, repoRoot, providers });

    stage("validate");
    diagnostics.push(...resolvePluginPositions(await validateStage(host, started.plugins, merged.files), config));
    return done({ config, repoRoot, providers, files: merged.files });
  } finally {
    stage("shut down");
    diagnostics.push(...(await host.shutdown()));
  }
}
