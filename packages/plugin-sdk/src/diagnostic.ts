import { create } from "@bufbuild/protobuf";
import { type Diagnostic, DiagnosticSchema, type Loc, Severity } from "@cigen/protocol";

export interface DiagnosticInit {
  severity?: "error" | "warning" | "info";
  /** Stable code, e.g. "GITHUB-003". */
  code: string;
  message: string;
  hint?: string;
  /** Where in cigen.yml the problem comes from (a model node's `loc`). */
  loc?: Loc;
}

const LEVELS = { error: Severity.ERROR, warning: Severity.WARNING, info: Severity.INFO } as const;

/** Builds a protocol Diagnostic from the few fields a plugin usually has. */
export function diagnostic(init: DiagnosticInit): Diagnostic {
  return create(DiagnosticSchema, {
    level: LEVELS[init.severity ?? "error"],
    code: init.code,
    title: init.message,
    message: init.message,
    fixHint: init.hint ?? "",
    loc: init.loc
      ? { file: init.loc.file, line: init.loc.line, column: init.loc.column, path: [...init.loc.path] }
      : undefined,
  });
}
