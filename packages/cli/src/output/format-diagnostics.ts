import { type Diagnostic, sortDiagnostics } from "@cigen/core";
import type { Style } from "./style";

/**
 * Diagnostics as cli.md shows them, one per problem, sorted by file, line, column:
 *
 *   cigen.yml:14:7: error CIGEN-CONFIG-014: job "test" needs unknown job "biuld"
 *     hint: did you mean "build"? Known jobs: build, lint, deploy
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ""}: ` : "";
      const severity = style.severity(d.severity);
      const lines = [`${where}${severity} ${d.code}: ${d.message}`];
      if (d.hint) lines.push(`  ${style.dim("hint:")} ${d.hint}`);
      for (const detail of d.details ?? []) lines.push(`  ${style.dim(detail)}`);
      return `${lines.join("\n")}\n`;
    })
    .join("");
}

/** The JSON shape of a diagnostic (cli.md): 1-based line/column, null when unknown. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint ?? null,
    ...(d.plugin ? { plugin: d.plugin } : {}),
    ...(d.details ? { details: d.details } : {}),
  };
}
