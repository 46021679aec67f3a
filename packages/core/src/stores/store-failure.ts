import type { Diagnostic } from "../diagnostics/diagnostic";
import { PluginCodes } from "../host/codes";
import type { PluginFailure } from "../host/plugin-failure";
import { failureDiagnostic } from "../host/plugin-host";

/**
 * A store plugin reports a problem the user can fix by failing the call with the message
 * `<CODE>: <message>\nhint: <hint>` (the store error convention of docs/stores.md). The host wraps
 * that message as "reported an internal error during StoreLookup: <message>".
 */
const STORE_ERROR = /during \w+: ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d{3}): ([\s\S]*?)(?:\nhint: ([\s\S]*))?$/;

/**
 * Turns a failed store call into a diagnostic. A store error keeps the store's code, message and
 * hint (no "bug in the plugin" wording: a missing variable is the user's to fix); a crash or a
 * timeout keeps the host's diagnostic. Either way `consequence` says what it means for the run.
 */
export function storeFailureDiagnostic(failure: PluginFailure, doing: string, consequence: string): Diagnostic {
  const match = failure.code === PluginCodes.CALL_FAILED ? STORE_ERROR.exec(failure.message) : null;
  if (match) {
    return {
      severity: "error",
      code: match[1]!,
      plugin: failure.plugin,
      message: `${doing}: ${match[2]!.trim()} (${consequence})`,
      hint: match[3]?.trim() || undefined,
    };
  }
  const base = failureDiagnostic(failure);
  return { ...base, message: `${doing}: ${base.message} (${consequence})` };
}
