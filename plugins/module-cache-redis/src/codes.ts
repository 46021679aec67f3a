/** Diagnostic codes of the cache/redis module. Stable: users search for them and silence them. */
export const RedisCodes = {
  /** Compose files name different redis images; the first (root files first) is used. */
  IMAGES_DISAGREE: "REDIS-001",
  /** cache/redis was used as a `uses:` step or a package; it only provides a service. */
  NOT_A_SERVICE: "REDIS-002",
} as const;
