/** Diagnostic codes of the db/mysql module. Stable: users search for them and silence them. */
export const MysqlCodes = {
  /** Compose files name different mysql images; the first (root files first) is used. */
  IMAGES_DISAGREE: "MYSQL-001",
  /** db/mysql was used as a `uses:` step or a package; it only provides a service. */
  NOT_A_SERVICE: "MYSQL-002",
} as const;
