import { type Diagnostic, PluginCodes } from "@cigen/core";

/** The exit codes of cli.md; they never change without a major version. */
export const ExitCode = {
  OK: 0,
  /** The user's input is wrong, or --check found drift. */
  USER_ERROR: 1,
  USAGE: 2,
  /** A plugin or internal failure. */
  INTERNAL: 3,
  /** preflight only: the job may be skipped. */
  SKIP: 78,
} as const;

const PLUGIN_FAILURES = new Set<string>(Object.values(PluginCodes));

/** 3 when a plugin failed, 1 for any other error, else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.some((d) => PLUGIN_FAILURES.has(d.code))) return ExitCode.INTERNAL;
  return errors.length ? ExitCode.USER_ERROR : ExitCode.OK;
}
