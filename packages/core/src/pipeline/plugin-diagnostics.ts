import { type Diagnostic as WireDiagnostic, Severity as WireSeverity } from "@cigen/protocol";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic";

const SEVERITIES: Record<number, Severity> = {
  [WireSeverity.ERROR]: "error",
  [WireSeverity.WARNING]: "warning",
  [WireSeverity.INFO]: "info",
  // A plugin that forgot to set a level reported a problem: treat it as one.
  [WireSeverity.UNSPECIFIED]: "error",
};

/** A diagnostic a plugin sent, in the core's shape, tagged with the plugin's name. */
export function fromWireDiagnostic(d: WireDiagnostic, plugin: string): Diagnostic {
  return {
    severity: SEVERITIES[d.level] ?? "error",
    code: d.code || "CIGEN-PLUGIN-000",
    message: d.message || d.title,
    hint: d.fixHint || undefined,
    file: d.loc?.file || undefined,
    line: d.loc?.line || undefined,
    column: d.loc?.column || undefined,
    plugin,
  };
}
