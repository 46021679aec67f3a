import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { ConfigPath } from "../config-types";
import type { LoadedConfig } from "../loaded-config";

/** A semantic check: reads the config, returns its findings. */
export type ConfigCheck = (config: LoadedConfig) => Diagnostic[];

/** An error (or warning) at the value found at path. */
export function configError(
  config: LoadedConfig,
  code: string,
  path: ConfigPath,
  message: string,
  hint?: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  const { line, column } = config.locateValue(path);
  return { severity, code, message, ...(hint ? { hint } : {}), file: config.source.displayPath, line, column };
}

/** An error at the key at path (for a problem with the entry as a whole). */
export function configKeyError(
  config: LoadedConfig,
  code: string,
  path: ConfigPath,
  message: string,
  hint?: string,
): Diagnostic {
  const { line, column } = config.locate(path);
  return { severity: "error", code, message, ...(hint ? { hint } : {}), file: config.source.displayPath, line, column };
}

/** Each item of a list-or-string value with the path that points at it. */
export function listItems(
  value: string | string[] | undefined,
  path: ConfigPath,
): { item: string; path: ConfigPath }[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [{ item: value, path }];
  return value.map((item, i) => ({ item, path: [...path, i] }));
}
