/**
 * Diagnostic codes of the core's signature store client, sorted. Stable: users search for them, so
 * a code is never reused for a different problem. A store plugin's own problems keep the plugin's
 * codes (STORE-REDIS-002...); plugin crashes and timeouts keep the host's (CIGEN-PLUGIN-*).
 */
export const StoreCodes = {
  /** `native` was opened as a store: it is the provider's cache, emitted as steps, not a plugin. */
  NATIVE_NOT_A_PLUGIN: "CIGEN-STORE-001",
  /** skip_store.type is empty or not a valid plugin name part. */
  INVALID_TYPE: "CIGEN-STORE-002",
  /** skip_store's settings are not a JSON object. */
  INVALID_SETTINGS: "CIGEN-STORE-003",
  /** The executable found for the store does not declare `store:<type>` or lacks the store hooks. */
  NOT_A_STORE: "CIGEN-STORE-004",
  /** The store answered "found" with a record of another job or signature, or none. */
  INVALID_ANSWER: "CIGEN-STORE-005",
  /** The store keeps no history (its plugin does not implement storeHistory). */
  NO_HISTORY: "CIGEN-STORE-006",
  /** The caller passed a job id or signature that cannot be a key (a bug in the caller). */
  INVALID_REQUEST: "CIGEN-STORE-007",
} as const;
