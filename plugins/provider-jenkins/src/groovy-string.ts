/**
 * Groovy string literals. Shell text goes into single-quoted strings, where Groovy interpolates
 * nothing, so `$`, `${...}` and backticks reach the shell untouched; only `\` and `'` need escaping.
 * Values that must read Jenkins variables use double-quoted GStrings with every literal `$` escaped.
 */

/** `s` as a single-quoted Groovy string (one line) or a triple-single-quoted one (several lines). */
export function groovyString(s: string): string {
  if (!s.includes("\n")) return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  // Inside ''' a quote needs escaping only where it could start the closing ''' (before another
  // quote or at the very end), which keeps shell quoting readable.
  const body = s.replace(/\\/g, "\\\\").replace(/'(?='|$)/g, "\\'");
  return `'''${body}'''`;
}

/** `s` escaped for the inside of a double-quoted GString: no interpolation of its own `$`. */
export function gstringBody(s: string): string {
  return s.replace(/[\\"$]/g, (c) => `\\${c}`).replaceAll("\n", "\\n");
}

/** Indents every line of `lines` by `depth` levels of two spaces. */
export function indent(lines: string[], depth = 1): string[] {
  const pad = "  ".repeat(depth);
  return lines.map((l) => (l ? pad + l : l));
}

/** `head { ...body }` as lines, or `head { one }` on one line for a single short item. */
export function block(head: string, body: string[]): string[] {
  return [`${head} {`, ...indent(body), "}"];
}
