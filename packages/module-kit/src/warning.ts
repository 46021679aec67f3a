import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";

/**
 * A module's warning, located in the repository file it is about when there is one (plugin-sdk's
 * `diagnostic` takes a cigen.yml location; a module's findings are mostly about other files).
 */
export function warning(code: string, message: string, hint: string, at?: SourceLocation): Diagnostic {
  const d = diagnostic({ severity: "warning", code, message, hint });
  if (at) d.loc = at;
  return d;
}
