import { type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics/diagnostic";
import { checkText } from "./check-text";
import { runConfigChecks } from "./checks";
import { ConfigCodes } from "./codes";
import type { CigenConfig } from "./config-types";
import type { ConfigSource, LoadedConfig } from "./loaded-config";
import { type ReadYaml, readYaml } from "./read-yaml";
import { validateSchema } from "./validate-schema";

export type { ConfigSource, LoadedConfig } from "./loaded-config";

/** Format versions this cigen reads. */
export const SUPPORTED_VERSIONS = ["1"];

/**
 * Reads a cigen.yml: text checks, YAML (positions resolved lazily), version, schema, then the semantic checks.
 * Never throws for user input; `config` is set only when there is no error (warnings may remain).
 */
export function loadConfig(source: ConfigSource): { config?: LoadedConfig; diagnostics: Diagnostic[] } {
  const file = source.displayPath;
  const notText = checkText(source.text, file);
  if (notText) return { diagnostics: [notText] };
  // A BOM is invisible in editors; the YAML parser would keep it as part of the first key.
  const text = source.text.startsWith("\uFEFF") ? source.text.slice(1) : source.text;
  const parsed = readYaml(text, file);
  if (parsed.diagnostics.length > 0) return { diagnostics: sortDiagnostics(parsed.diagnostics) };

  const { locator } = parsed;
  const value = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const got =
      value === null || value === undefined ? "an empty document" : Array.isArray(value) ? "a list" : "a single value";
    const message = `the config must be a mapping with at least "jobs", got ${got}`;
    const diagnostic: Diagnostic = {
      severity: "error",
      code: ConfigCodes.NOT_A_MAPPING,
      message,
      file,
      ...locator.locateValue([]),
    };
    return { diagnostics: [diagnostic] };
  }
  const config: LoadedConfig = {
    source,
    raw: value as CigenConfig,
    locate: (path) => locator.locate(path),
    locateValue: (path) => locator.locateValue(path),
    locateReference: (path, text, index) => locator.locateReference(path, text, index),
    scalarSource: parsed.scalarSource,
  };
  const version = versionProblem(config);
  if (version) return { diagnostics: [version] };
  const schemaDiagnostics = validateSchema(value, { file, ...locatorFns(locator) });
  if (schemaDiagnostics.length > 0) return { diagnostics: sortDiagnostics(schemaDiagnostics) };
  const diagnostics = sortDiagnostics(runConfigChecks(config));
  return hasErrors(diagnostics) ? { diagnostics } : { config, diagnostics };
}

function locatorFns(locator: ReadYaml["locator"]) {
  return { locate: locator.locate.bind(locator), locateValue: locator.locateValue.bind(locator) };
}

/** An unknown version is refused before the schema runs: a future format would only produce noise. */
function versionProblem(config: LoadedConfig): Diagnostic | undefined {
  const version = (config.raw as { version?: unknown }).version;
  if (version === undefined || SUPPORTED_VERSIONS.includes(String(version))) return undefined;
  return {
    severity: "error",
    code: ConfigCodes.UNSUPPORTED_VERSION,
    message: `config version ${JSON.stringify(version)} is not supported: this cigen reads version "1"`,
    hint: 'upgrade cigen to read this file, or write version: "1"',
    file: config.source.displayPath,
    ...config.locateValue(["version"]),
  };
}
