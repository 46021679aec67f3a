/**
 * Codes of the problems the redis store reports, sorted. Stable: users search for them, so a
 * retired code is never reused for a different problem. Problems every store shares are STORE-0xx
 * (@cigen/store-dir/kit).
 */
export const RedisCodes = {
  /** The variable named by url_env is not set (or empty) in cigen's environment. */
  URL_MISSING: "STORE-REDIS-001",
  /** The variable holds something that is not a redis:// or rediss:// URL. */
  URL_INVALID: "STORE-REDIS-002",
  /** The server could not be reached (refused, unknown host, timeout). */
  UNREACHABLE: "STORE-REDIS-003",
  /** The server refused the credentials, or requires some and the URL has none. */
  AUTH_FAILED: "STORE-REDIS-004",
  /** The server answered a command with an error (read-only replica, out of memory, wrong type). */
  COMMAND_FAILED: "STORE-REDIS-005",
} as const;
