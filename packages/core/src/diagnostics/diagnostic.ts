/**
 * Diagnostics are values, not exceptions: every stage returns them, and the CLI decides how to
 * print them. Line and column are 1-based and point at the offending key or value.
 */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** Stable, searchable code: CIGEN-CONFIG-014, CIGEN-PLUGIN-003, GITHUB-002... */
  code: string;
  message: string;
  /** How to fix it, when there is something to say. */
  hint?: string;
  /** Path as the user would type it (relative to the working directory when possible). */
  file?: string;
  line?: number;
  column?: number;
  /** The plugin that reported it (or that failed), when not the core. */
  plugin?: string;
  /** Extra lines worth showing, such as the last stderr lines of a crashed plugin. */
  details?: string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Sorts by file, line, column, then code, as the CLI contract requires. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
