import { type Diagnostic as WireDiagnostic, Severity as WireSeverity } from "@cigen/protocol";
import type { ConfigPath } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic";

const SEVERITIES: Record<number, Severity> = {
  [WireSeverity.ERROR]: "error",
  [WireSeverity.WARNING]: "warning",
  [WireSeverity.INFO]: "info",
  // A plugin that forgot to set a level reported a problem: treat it as one.
  [WireSeverity.UNSPECIFIED]: "error",
};

/**
 * Config paths of plugin diagnostics whose position is still to be resolved. The model's Locs
 * carry paths, not positions (see model/job-context.ts), so a plugin diagnostic copied from one
 * has line 0 until resolvePluginPositions looks the path up in the config.
 */
const unresolved = new WeakMap<Diagnostic, readonly string[]>();

/** A diagnostic a plugin sent, in the core's shape, tagged with the plugin's name. */
export function fromWireDiagnostic(d: WireDiagnostic, plugin: string): Diagnostic {
  const diagnostic: Diagnostic = {
    severity: SEVERITIES[d.level] ?? "error",
    code: d.code || "CIGEN-PLUGIN-000",
    message: d.message || d.title,
    hint: d.fixHint || undefined,
    file: d.loc?.file || undefined,
    line: d.loc?.line || undefined,
    column: d.loc?.column || undefined,
    plugin,
  };
  if (!diagnostic.line && d.loc?.path.length) unresolved.set(diagnostic, d.loc.path);
  return diagnostic;
}

/**
 * Gives the plugin diagnostics made by fromWireDiagnostic that carry only a config path their
 * line and column (the key at that path, as model Locs used to hold). Only diagnostics from this
 * config's file are resolved; the others are left as they are. Mutates and returns them.
 */
export function resolvePluginPositions(diagnostics: Diagnostic[], config: LoadedConfig): Diagnostic[] {
  for (const d of diagnostics) {
    const path = unresolved.get(d);
    if (!path) continue;
    unresolved.delete(d);
    if (d.file !== undefined && d.file !== config.source.displayPath) continue;
    const { line, column } = config.locate(toConfigPath(path));
    d.file = config.source.displayPath;
    d.line = line;
    d.column = column;
  }
  return diagnostics;
}

/** Wire paths are strings; list indexes become numbers again (a mapping key "2" still matches). */
function toConfigPath(path: readonly string[]): ConfigPath {
  return path.map((segment) => (/^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
