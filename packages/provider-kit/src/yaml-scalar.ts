/**
 * How toYaml writes one scalar: the same choice of style (plain, double-quoted, literal block) and
 * the same characters that `yaml` 2.x's stringify makes with toYaml's options (lineWidth 0, so no
 * folding and every block is literal; singleQuote false, so every quoted string is double-quoted;
 * the YAML 1.2 core schema). yaml-emit.test.ts checks it against `yaml` value by value, so an
 * upgrade of `yaml` that changes a rule shows up as a failing test, not as a silent golden diff.
 */

/** Thrown for a value this writer does not render; toYaml then lets `yaml` write the document. */
export class UnsupportedValue extends Error {
  override readonly name = "UnsupportedValue";
}

/** Control characters and lone surrogates: only a double-quoted string can hold them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/**
 * The same characters plus any surrogate, paired or not: a quicker test without the `u` flag
 * (which makes a regex walk code points), so the exact one runs only when this one matches.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const MAYBE_NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;

/**
 * A plain scalar cannot start with an indicator, be a lone `-`/`?` (or start with one and a space),
 * contain `: `, ` #`, a space next to a newline, or end with a space or `:`.
 */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** Plain text the core schema would read back as null, a boolean, an integer or a float. */
const READS_AS_NON_STRING =
  /^(?:|~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * A top-level key with a line that starts like a document marker or directive is quoted so it
 * cannot end the document. "Line" in JavaScript's sense: U+2028 and U+2029 start one too.
 */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;

/** One indentation step (toYaml's `indent: 2`). */
export const INDENT_STEP = "  ";

/**
 * The text of string `value` at a position indented by `indent` (the indentation its continuation
 * lines get), as a mapping key (`key`) or as a value.
 */
export function stringScalar(value: string, indent: string, key: boolean): string {
  if (MAYBE_NEEDS_ESCAPES.test(value) && NEEDS_ESCAPES.test(value)) return doubleQuoted(value, indent, key);
  const multiline = value.includes("\n");
  // Keys stay on one line: a multi-line key is written with \n escapes.
  if (multiline && key) return doubleQuoted(value, indent, key);
  if (NOT_PLAIN.test(value)) return multiline ? literalBlock(value, indent) : doubleQuoted(value, indent, key);
  if (multiline) return literalBlock(value, indent);
  if (key && indent === INDENT_STEP && DOCUMENT_MARKER.test(value)) return doubleQuoted(value, indent, key);
  if (READS_AS_NON_STRING.test(value)) return doubleQuoted(value, indent, key);
  return value;
}

/** A number the way the core schema writes it. */
export function numberScalar(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (value === Number.POSITIVE_INFINITY) return ".inf";
  if (value === Number.NEGATIVE_INFINITY) return "-.inf";
  return Object.is(value, -0) ? "-0" : JSON.stringify(value);
}

/** YAML's short escapes for the \u escapes JSON.stringify writes. */
const SHORT_ESCAPES: Record<string, string> = {
  "0000": "\\0",
  "0007": "\\a",
  "000b": "\\v",
  "001b": "\\e",
  "0085": "\\N",
  "00a0": "\\_",
  "2028": "\\L",
  "2029": "\\P",
};

/** A double-quoted scalar only breaks a value across lines when its JSON is at least this long. */
const MIN_MULTILINE_QUOTED = 40;

/**
 * A double-quoted scalar: JSON's escaping with YAML's shorter escapes, a space before a line break
 * escaped, and (for a value long enough) each `\n` written as a real line break, doubled because a
 * single break inside double quotes folds into a space.
 */
function doubleQuoted(value: string, indent: string, key: boolean): string {
  const json = JSON.stringify(value);
  // Without an escape there is nothing to change (most quoted values: `if:` expressions, numbers).
  if (json.indexOf("\\") === -1) return json;
  const breakLines = !key && json.length >= MIN_MULTILINE_QUOTED;
  let out = "";
  let copied = 0;
  for (let i = 1; i < json.length - 1; i++) {
    const ch = json[i];
    if (ch === " ") {
      if (json[i + 1] === "\\" && json[i + 2] === "n") {
        out += `${json.slice(copied, i)}\\ `;
        copied = i + 1;
      }
      continue;
    }
    if (ch !== "\\") continue;
    const escaped = json[i + 1];
    if (escaped === "u") {
      const code = json.slice(i + 2, i + 6);
      const short = SHORT_ESCAPES[code] ?? (code.startsWith("00") ? `\\x${code.slice(2)}` : `\\u${code}`);
      out += json.slice(copied, i) + short;
      i += 5;
      copied = i + 1;
    } else if (escaped === "n" && breakLines && json[i + 2] !== '"') {
      out += `${json.slice(copied, i)}\n\n`;
      // Further breaks in a row (but not one ending the string) each add one more line.
      while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
        out += "\n";
        i += 2;
      }
      out += indent;
      // Leading spaces of a continuation line would be folded away unless escaped.
      if (json[i + 2] === " ") out += "\\";
      i += 1;
      copied = i + 1;
    } else {
      i += 1;
    }
  }
  return copied === 0 ? json : out + json.slice(copied);
}

/** A run of line breaks followed by more text (where the next line's indentation goes). */
const BREAKS = /\n+/g;
const BREAKS_BEFORE_TEXT = /\n+(?=[^\n])/g;
const TRAILING_BLANK_LINE = /\n[\t ]+$/;

/**
 * A literal block scalar (`|`), with the chomping indicator that keeps the value's trailing line
 * breaks exact and an indentation indicator when the first line starts with a space. A value whose
 * last line is only blanks cannot be a block (the blanks would be lost) and is double-quoted.
 */
function literalBlock(value: string, indent: string): string {
  if (TRAILING_BLANK_LINE.test(value)) return doubleQuoted(value, indent, false);
  let textEnd = value.length;
  while (textEnd > 0 && isBlank(value.charCodeAt(textEnd - 1))) textEnd--;
  let tail = value.slice(textEnd);
  const firstBreak = tail.indexOf("\n");
  // strip (-) when nothing follows the text, clip (default) for exactly one break, keep (+) otherwise
  const chomp = firstBreak === -1 ? "-" : textEnd === 0 || firstBreak !== tail.length - 1 ? "+" : "";
  if (tail) {
    if (tail.endsWith("\n")) tail = tail.slice(0, -1);
    tail = tail.replace(BREAKS_BEFORE_TEXT, `$&${indent}`);
  }
  let body = value.slice(0, textEnd);
  let startsWithSpace = false;
  let lastLeadingBreak = -1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === " ") startsWithSpace = true;
    else if (ch === "\n") lastLeadingBreak = i;
    else break;
  }
  let head = body.slice(0, lastLeadingBreak + 1);
  if (head) {
    body = body.slice(head.length);
    head = head.replace(BREAKS, `$&${indent}`);
  }
  const header = (startsWithSpace ? "2" : "") + chomp;
  return `|${header}\n${indent}${head}${body.replace(BREAKS, `$&${indent}`)}${tail}`;
}

/** Newline, tab or space. */
function isBlank(code: number): boolean {
  return code === 10 || code === 9 || code === 32;
}
