/**
 * Diagnostic codes of the plugin host, sorted. Stable: users search for them, so a code is never
 * reused for a different problem.
 */
export const PluginCodes = {
  /** Two plugins claim the same provider:<name> capability. */
  DUPLICATE_PROVIDER: "CIGEN-PLUGIN-001",
  /** A plugin's `requires` pattern matches no capability of another active plugin. */
  REQUIREMENT_UNMET: "CIGEN-PLUGIN-002",
  /** A plugin's `conflicts_with` pattern matches another active plugin. */
  CONFLICT: "CIGEN-PLUGIN-003",
  /** No plugin executable with that name was found. */
  NOT_FOUND: "CIGEN-PLUGIN-004",
  /** The executable could not be started at all (permissions, not a program). */
  SPAWN_FAILED: "CIGEN-PLUGIN-005",
  /** The plugin exited or crashed before or during the handshake. */
  CRASHED_IN_HANDSHAKE: "CIGEN-PLUGIN-006",
  /** The plugin exited or crashed while a call was in flight. */
  CRASHED_IN_CALL: "CIGEN-PLUGIN-007",
  /** The plugin wrote something that is not a valid frame (text, oversized, truncated, undecodable). */
  PROTOCOL_VIOLATION: "CIGEN-PLUGIN-008",
  /** The plugin answered a call id that no call in flight has. */
  UNKNOWN_RESPONSE_ID: "CIGEN-PLUGIN-009",
  /** The plugin and the core share no protocol version. */
  VERSION_MISMATCH: "CIGEN-PLUGIN-010",
  /** The handshake or a call did not finish within its timeout. */
  TIMEOUT: "CIGEN-PLUGIN-011",
  /** The plugin did not exit after its input closed and was terminated. */
  IGNORED_SHUTDOWN: "CIGEN-PLUGIN-012",
  /** The plugin answered a call with an error of its own (a bug in the plugin). */
  CALL_FAILED: "CIGEN-PLUGIN-013",
  /** The plugin that provides a selected provider does not implement generate. */
  MISSING_HOOK: "CIGEN-PLUGIN-014",
} as const;
