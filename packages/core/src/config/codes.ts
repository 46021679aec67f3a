/**
 * Diagnostic codes of config loading, validation and the model, sorted. Stable: users search for
 * them, so a code is never reused for a different problem.
 */
export const ConfigCodes = {
  /** The file is not text (NUL bytes or invalid UTF-8). */
  NOT_TEXT: "CIGEN-CONFIG-001",
  /** YAML syntax error reported by the parser. */
  YAML_SYNTAX: "CIGEN-CONFIG-002",
  /** The same key appears twice in one mapping. */
  DUPLICATE_KEY: "CIGEN-CONFIG-003",
  /** Aliases expand to too many nodes (a "billion laughs" document). */
  ALIAS_LIMIT: "CIGEN-CONFIG-004",
  /** The document is empty or its top level is not a mapping. */
  NOT_A_MAPPING: "CIGEN-CONFIG-005",
  /** The document nests deeper than any real config does. */
  TOO_DEEP: "CIGEN-CONFIG-006",
  /** `version` names a format this cigen does not know. */
  UNSUPPORTED_VERSION: "CIGEN-CONFIG-007",
  /** A key the schema does not allow at that place (usually a typo). */
  UNKNOWN_KEY: "CIGEN-CONFIG-008",
  /** A value of the wrong type (a string where a list is expected...). */
  WRONG_TYPE: "CIGEN-CONFIG-009",
  /** A value of the right type that the schema still refuses (enum, pattern, range). */
  INVALID_VALUE: "CIGEN-CONFIG-010",
  /** A required key is missing. */
  MISSING_KEY: "CIGEN-CONFIG-011",
  /** A job id (or another name) that does not match its allowed pattern. */
  INVALID_NAME: "CIGEN-CONFIG-012",
  /** The file is larger than any config should be. */
  TOO_LARGE: "CIGEN-CONFIG-013",
  /** `needs` or `needs_any` names a job that does not exist. */
  UNKNOWN_NEED: "CIGEN-CONFIG-014",
  /** Jobs depend on each other in a cycle. */
  DEPENDENCY_CYCLE: "CIGEN-CONFIG-015",
  /** Two job variants end up with the same id after matrix expansion. */
  DUPLICATE_VARIANT: "CIGEN-CONFIG-016",
  /** An `@group` reference names no `source_file_groups` entry. */
  UNKNOWN_GROUP: "CIGEN-CONFIG-017",
  /** A job's runner class is neither built in nor defined under `runners`. */
  UNKNOWN_RUNNER: "CIGEN-CONFIG-018",
  /** A custom runner class has no settings for a selected provider. */
  RUNNER_MISSING_PROVIDER: "CIGEN-CONFIG-019",
  /** A job service is not an image reference, a top-level service or a built-in service. */
  UNKNOWN_SERVICE: "CIGEN-CONFIG-020",
  /** A job cache names neither a built-in cache nor a `caches` entry. */
  UNKNOWN_CACHE: "CIGEN-CONFIG-021",
  /** A job names a workflow that `workflows` does not define. */
  UNKNOWN_WORKFLOW: "CIGEN-CONFIG-022",
  /** A `command:` step names no `commands` entry. */
  UNKNOWN_COMMAND: "CIGEN-CONFIG-023",
  /** A `command:` step passes a parameter the command does not declare. */
  UNKNOWN_COMMAND_PARAMETER: "CIGEN-CONFIG-024",
  /** A `command:` step omits a parameter that has no default. */
  MISSING_COMMAND_PARAMETER: "CIGEN-CONFIG-025",
  /** A variable uses a name reserved for interpolation. */
  RESERVED_VARIABLE: "CIGEN-CONFIG-026",
  /** A cron expression that does not have 5 valid fields. */
  INVALID_CRON: "CIGEN-CONFIG-027",
  /** An artifact retention that is not a duration such as `7d` or `12h`. */
  INVALID_DURATION: "CIGEN-CONFIG-028",
  /** `{{ ... }}` names something that does not exist. */
  UNKNOWN_REFERENCE: "CIGEN-CONFIG-029",
  /** `{{` without a matching `}}`, or an expression cigen cannot read. */
  MALFORMED_INTERPOLATION: "CIGEN-CONFIG-030",
  /** A runtime value (env, secrets, git, checksum, os, arch) where only compile-time values fit. */
  RUNTIME_REFERENCE_NOT_ALLOWED: "CIGEN-CONFIG-031",
  /** A job kept for this provider needs a job limited to other providers. */
  NEEDS_EXCLUDED_JOB: "CIGEN-CONFIG-032",
  /** `project.type: turborepo` is accepted but not implemented yet. */
  TURBOREPO_NOT_YET: "CIGEN-CONFIG-033",
  /** A matrix leaves no variant after `exclude`. */
  EMPTY_MATRIX: "CIGEN-CONFIG-034",
  /** Commands call each other in a loop. */
  COMMAND_RECURSION: "CIGEN-CONFIG-035",
  /** `arch` resolves to something other than amd64 or arm64. */
  INVALID_ARCH: "CIGEN-CONFIG-036",
} as const;

export type ConfigCode = (typeof ConfigCodes)[keyof typeof ConfigCodes];
