import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { suggestionHint } from "../diagnostics/did-you-mean";
import { findPlugin, listPlugins, type SearchPaths } from "../host/discover";
import { repoFiles } from "../modules/repo-snapshot";
import { DEFAULT_CONFIG_NAMES } from "../pipeline/locate-config";
import type { PipelineOptions } from "../pipeline/pipeline-options";
import { repoRootOf, searchPathsFor } from "../pipeline/search-paths";
import { providerExecutable } from "../pipeline/select-providers";
import { detectRepository } from "./detect-repository";
import type { Detection } from "./detection";
import { readExistingCi } from "./existing-ci";
import { InitCodes } from "./init-codes";
import { renderStarter } from "./render-starter";
import type { Starter } from "./starter";
import { buildStarter } from "./starter-config";

export interface InitOptions extends PipelineOptions {
  /** `--force`: replace an existing config. */
  force: boolean;
  /** `--stdout`: the caller prints instead of writing, so an existing config is no obstacle. */
  print: boolean;
}

export interface InitResult {
  /** Absolute path of the config to write: --config, else the existing default config, else cigen.yml. */
  path: string;
  /** The same, as the user would type it (relative to the working directory). */
  displayPath: string;
  /** The config's text; undefined when init refused or failed. */
  text?: string;
  detections: Detection[];
  starter?: Starter;
  diagnostics: Diagnostic[];
}

/**
 * `cigen init`: detect what the repository is made of (every installed module's Detect, run
 * concurrently) and what CI it already has, and build a starter config from both. Writing is the
 * caller's job; this refuses (CIGEN-INIT-001) before detecting anything when a config exists and
 * neither --force nor --stdout was given, so the file is never touched.
 */
export async function initRepository(options: InitOptions): Promise<InitResult> {
  const stage = options.onStage ?? (() => {});
  const path = targetPath(options);
  const displayPath = relative(options.cwd, path) || path;
  const result: InitResult = { path, displayPath, detections: [], diagnostics: [] };

  const existing = options.configPath ? [path] : DEFAULT_CONFIG_NAMES.map((n) => resolve(options.cwd, n));
  const found = existing.find((p) => existsSync(p));
  if (found && !options.force && !options.print) {
    const shown = relative(options.cwd, found) || found;
    result.diagnostics.push({
      severity: "error",
      code: InitCodes.CONFIG_EXISTS,
      file: shown,
      message: `${shown} already exists; cigen init does not overwrite it`,
      hint: "pass --force to replace it, or --stdout to print the starter config instead",
    });
    return result;
  }

  const repoRoot = repoRootOf(path);
  const search = searchPathsFor(options, repoRoot);
  result.diagnostics.push(...unknownProviders(options.providers ?? [], search));
  if (result.diagnostics.length) return result;

  stage("detect");
  const files = await repoFiles(repoRoot);
  const [detected, existingCi] = await Promise.all([
    detectRepository(options, search, repoRoot, files),
    readExistingCi(repoRoot, files),
  ]);
  result.detections = detected.detections;
  result.diagnostics.push(...detected.diagnostics);
  result.starter = buildStarter({
    detections: detected.detections,
    existing: existingCi,
    providers: options.providers,
    files,
  });
  result.diagnostics.push(...result.starter.diagnostics);
  result.text = renderStarter(result.starter);
  return result;
}

/** --config, else the default config that exists (so --force replaces it in place), else cigen.yml. */
function targetPath(options: InitOptions): string {
  if (options.configPath) return resolve(options.cwd, options.configPath);
  const defaults = DEFAULT_CONFIG_NAMES.map((n) => resolve(options.cwd, n));
  return defaults.find((p) => existsSync(p)) ?? defaults[0];
}

/** `--provider` names must be installed providers: the starter would not validate otherwise. */
function unknownProviders(providers: readonly string[], search: SearchPaths): Diagnostic[] {
  const missing = providers.filter((p) => !findPlugin(providerExecutable(p), search));
  if (!missing.length) return [];
  const installed = listPlugins(search)
    .map((p) => p.name)
    .filter((n) => n.startsWith("cigen-provider-"))
    .map((n) => n.slice("cigen-provider-".length));
  return missing.map((name) => ({
    severity: "error",
    code: InitCodes.UNKNOWN_PROVIDER,
    message: `no installed plugin provides the provider "${name}"`,
    hint: suggestionHint(name, installed, "installed providers"),
  }));
}
