import type { LoadedConfig } from "../config/load-config";
import { selectedProviders } from "../config/providers";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { suggestionHint } from "../diagnostics/did-you-mean";
import { findPlugin, listPlugins, type SearchPaths } from "../host/discover";

/** The executable that provides a provider: `github` -> `cigen-provider-github`. */
export function providerExecutable(provider: string): string {
  return `cigen-provider-${provider}`;
}

/**
 * The providers this run generates for: `--provider` when given, else the config's list. A name
 * no installed plugin provides is a config error (exit 1) with a did-you-mean, pointing at the
 * `providers` entry when it came from the config.
 */
export function resolveProviders(
  config: LoadedConfig,
  requested: readonly string[] | undefined,
  search: SearchPaths,
): { providers: string[]; diagnostics: Diagnostic[] } {
  const fromConfig = !requested?.length;
  const providers = fromConfig ? selectedProviders(config) : [...new Set(requested)];
  const diagnostics: Diagnostic[] = [];
  const installed = () =>
    listPlugins(search)
      .map((p) => p.name)
      .filter((n) => n.startsWith("cigen-provider-"))
      .map((n) => n.slice("cigen-provider-".length));
  providers.forEach((name, i) => {
    if (findPlugin(providerExecutable(name), search)) return;
    const known = installed();
    const raw = config.raw as { providers?: unknown };
    const pos = fromConfig && Array.isArray(raw.providers) ? config.locate(["providers", i]) : undefined;
    diagnostics.push({
      severity: "error",
      code: "CIGEN-CONFIG-100",
      file: pos ? config.source.displayPath : undefined,
      line: pos?.line,
      column: pos?.column,
      message: `no installed plugin provides the provider "${name}"`,
      hint: suggestionHint(name, known, "installed providers"),
    });
  });
  return { providers, diagnostics };
}
