/**
 * The facts every module's Detect may set so that `cigen init` can write a starter config without
 * knowing any module. Module-specific facts (versions, package manager) sit beside them.
 */
export const InitFacts = {
  /** The `packages:` entry that selects this module ("node"). */
  package: "package",
  /** The `services:` entry ("postgres:16"). */
  service: "service",
  /** Comma-separated globs where this module's sources live, for `source_files`. */
  sourceFiles: "source_files",
  /** Suggested commands for the starter jobs. */
  lint: "lint",
  test: "test",
  build: "build",
} as const;

/** Joins a list for a fact value (facts are string -> string). */
export function listFact(items: readonly string[]): string {
  return items.join(",");
}
