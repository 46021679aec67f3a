/**
 * Codes of the problems every bundled store reports the same way, sorted. Stable: users search for
 * them, so a retired code is never reused for a different problem. Store-specific problems have
 * their own codes in each store's package (STORE-DIR-*, STORE-REDIS-*, STORE-S3-*).
 */
export const KitCodes = {
  /** The store's settings are not a JSON object, or a setting has the wrong type. */
  INVALID_SETTINGS: "STORE-001",
  /** A request carries an empty job id or a signature that is not 64 lowercase hex characters. */
  INVALID_REQUEST: "STORE-002",
  /** A stored record does not decode, or belongs to another job or signature. */
  CORRUPT_RECORD: "STORE-003",
  /** A stored record was written by a newer cigen with a layout this store does not know. */
  NEWER_RECORD_FORMAT: "STORE-004",
} as const;
