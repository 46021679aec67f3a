import type { LoadedConfig } from "./loaded-config";

/** The provider generated when the config names none. */
export const DEFAULT_PROVIDER = "github";

/**
 * The providers to generate for: `providers`, else those with an `outputs` entry (in order, once
 * each), else github. Whether a plugin provides each name is the plugin host's check.
 */
export function selectedProviders(config: LoadedConfig): string[] {
  const { providers, outputs } = config.raw;
  if (providers && providers.length > 0) return [...new Set(providers)];
  const fromOutputs = [...new Set((outputs ?? []).map((o) => o.provider))];
  return fromOutputs.length > 0 ? fromOutputs : [DEFAULT_PROVIDER];
}

/** The output path `outputs` sets for a provider (the last entry wins), if any. */
export function outputPathFor(config: LoadedConfig, provider: string): string | undefined {
  return (config.raw.outputs ?? []).filter((o) => o.provider === provider).at(-1)?.path;
}
