import { create } from "@bufbuild/protobuf";
import { type Job, type Model, type SkipStore, SkipStoreSchema } from "@cigen/protocol";
import type { LoadedConfig } from "../config/load-config";
import { selectedProviders } from "../config/providers";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { suggestionHint } from "../diagnostics/did-you-mean";
import type { PluginHost } from "../host/plugin-host";
import { checkLock } from "../modules";
import { buildModels } from "../pipeline/build-models";
import { createHost } from "../pipeline/create-host";
import { openConfig } from "../pipeline/locate-config";
import type { PipelineOptions } from "../pipeline/pipeline-options";
import { searchPathsFor } from "../pipeline/search-paths";
import { type ComputeSignaturesResult, computeSignatures, type SignatureResult } from "../signatures";
import { openStore, type SignatureStore } from "../stores";
import { SkipCodes } from "./codes";
import { signatureJobOf } from "./signature-inputs";

/** What the skipping commands need from the outside: the pipeline's options minus provider selection. */
export type SkipOptions = Omit<PipelineOptions, "providers" | "onStage">;

/** Where `cigen run` keeps signatures of jobs whose store is `native` (the provider's cache). */
export const LOCAL_NATIVE_STORE_PATH = ".cigen/signatures";

/**
 * The loaded config and its jobs, for the commands that work on signatures. Jobs come from the
 * models of every selected provider (first occurrence wins): a job limited to one provider is
 * still known, and definitions are provider-neutral, so the signatures do not depend on which
 * model a job was taken from. Stores are opened on first use, one plugin per store kind.
 */
export class SkipProject {
  private host?: PluginHost;
  private readonly stores = new Map<string, Promise<{ store?: SignatureStore; diagnostics: Diagnostic[] }>>();
  private readonly computed = new Map<boolean, Promise<ComputeSignaturesResult>>();

  constructor(
    readonly options: SkipOptions,
    readonly config: LoadedConfig,
    readonly repoRoot: string,
    readonly jobs: readonly Job[],
    /** Applies the modules' plans to another model (a continuation's). */
    readonly applyModules: (model: Model) => Diagnostic[] = () => [],
    host?: PluginHost,
    /** Where the modules this project uses were found (cigen.lock's `source`), for generated CI. */
    readonly moduleSources: readonly { source: string }[] = [],
  ) {
    this.host = host;
  }

  /** `source_file_groups` of cigen.yml. */
  get groups(): Readonly<Record<string, readonly string[]>> {
    return this.config.raw.source_file_groups ?? {};
  }

  /** The job variant `id`, or a diagnostic naming the known ones. */
  job(id: string): { job?: Job; diagnostic?: Diagnostic } {
    const job = this.jobs.find((j) => j.id === id);
    if (job) return { job };
    const known = this.jobs.map((j) => j.id);
    return {
      diagnostic: {
        severity: "error",
        code: SkipCodes.UNKNOWN_JOB,
        message: `there is no job variant "${id}" in ${this.config.source.displayPath}`,
        hint: suggestionHint(id, known, "Known job variants"),
      },
    };
  }

  /** Every job's signature (computed once per command). `includeFileList` adds each job's files. */
  signatures(
    options: { includeFileList?: boolean; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ComputeSignaturesResult> {
    const key = options.includeFileList === true;
    let result = this.computed.get(key);
    if (!result) {
      result = computeSignatures(this.repoRoot, this.jobs.map(signatureJobOf), {
        groups: this.groups,
        env: this.options.env,
        includeFileList: key,
        onProgress: options.onProgress,
      });
      this.computed.set(key, result);
    }
    return result;
  }

  /** The signatures by job id. */
  async signatureMap(options: { includeFileList?: boolean } = {}): Promise<Map<string, SignatureResult>> {
    return new Map((await this.signatures(options)).results.map((r) => [r.job, r]));
  }

  /**
   * Opens the job's store. `native` is the provider's cache and cannot be opened, unless
   * `localNative` (for `cigen run`) substitutes the local dir store at `.cigen/signatures`.
   */
  store(spec: SkipStore, options: { localNative?: boolean } = {}) {
    const effective =
      spec.type === "native" && options.localNative
        ? create(SkipStoreSchema, { type: "dir", settingsJson: JSON.stringify({ path: LOCAL_NATIVE_STORE_PATH }) })
        : spec;
    const key = JSON.stringify([effective.type, effective.settingsJson, effective.recordOn]);
    let opened = this.stores.get(key);
    if (!opened) {
      opened = openStore(effective, this.pluginHost(), { env: this.options.env, repoRoot: this.repoRoot });
      this.stores.set(key, opened);
    }
    return opened;
  }

  /** Shuts the store plugins down. */
  async close(): Promise<Diagnostic[]> {
    return this.host ? this.host.shutdown() : [];
  }

  /** The plugin host (started on first use; `close` shuts it down). */
  pluginHost(): PluginHost {
    this.host ??= projectHost(this.options, this.repoRoot);
    return this.host;
  }
}

/**
 * Loads the config and builds the job list (modules applied: what they add is part of each job's
 * signature); no project when the config has errors. The modules stay running in the project's
 * plugin host until `close`.
 */
export async function openSkipProject(
  options: SkipOptions,
): Promise<{ project?: SkipProject; diagnostics: Diagnostic[] }> {
  const opened = await openConfig(options.cwd, options.configPath);
  const diagnostics = [...opened.diagnostics];
  const { config, repoRoot } = opened;
  if (!config || !repoRoot) return { diagnostics };
  const ctx = { config, repoRoot, search: searchPathsFor(options, repoRoot) };
  const lockState = await checkLock(ctx, { ignoreLock: false });
  diagnostics.push(...lockState.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const providers = selectedProviders(config);
  const host = projectHost(options, repoRoot);
  const built = await buildModels(ctx, host, providers, providers, lockState);
  diagnostics.push(...built.diagnostics);
  if (hasErrors(diagnostics)) {
    diagnostics.push(...(await host.shutdown()));
    return { diagnostics };
  }
  const jobs = new Map<string, Job>();
  for (const model of built.models) for (const job of model.jobs) if (!jobs.has(job.id)) jobs.set(job.id, job);
  const applyModules = built.modules?.applyTo ?? (() => []);
  const sources = built.modules?.lock?.modules ?? [];
  return {
    project: new SkipProject(options, config, repoRoot, [...jobs.values()], applyModules, host, sources),
    diagnostics,
  };
}

function projectHost(options: SkipOptions, repoRoot: string): PluginHost {
  return createHost(options, searchPathsFor(options, repoRoot));
}
