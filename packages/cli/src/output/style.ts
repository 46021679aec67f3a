import type { Severity } from "@cigen/core";

/** Terminal styling that turns into plain text when colour is off. */
export interface Style {
  severity(s: Severity): string;
  dim(text: string): string;
  bold(text: string): string;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

export function createStyle(color: boolean): Style {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    severity: (s) => paint(SEVERITY_COLOR[s], s),
    dim: (t) => paint(2, t),
    bold: (t) => paint(1, t),
  };
}
