/** Diagnostic codes of the db/postgres module. Stable: users search for them and silence them. */
export const PostgresCodes = {
  /** Compose files name different postgres images; the first (root files first) is used. */
  IMAGES_DISAGREE: "POSTGRES-001",
  /** db/postgres was used as a `uses:` step or a package; it only provides a service. */
  NOT_A_SERVICE: "POSTGRES-002",
} as const;
