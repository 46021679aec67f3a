import type { Segment, Text } from "@cigen/protocol";
import { ConfigCodes } from "../config/codes";
import type { ConfigPath } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { suggestionHint } from "../diagnostics/did-you-mean";
import { literalTextMessage, textMessage } from "./messages";

/** The compile-time values a string may reference. */
export interface Scope {
  /** This variant's matrix values; undefined for a job without matrix. */
  matrix?: ReadonlyMap<string, string>;
  variables: ReadonlyMap<string, string>;
  /** Inside a command: its parameters, already interpolated in the caller's scope. */
  params?: ReadonlyMap<string, Text>;
}

/** A string of the config and what it is allowed to hold. */
export interface TextSite {
  path: ConfigPath;
  value: string;
  /** Whether runtime references (env, secrets, git, checksum, os, arch) may stay in it. */
  runtime: boolean;
  /** What the string is, for messages: "the image of job \"test\"". */
  what: string;
}

const RUNTIME_HINT =
  "runtime values ({{ env.* }}, {{ secrets.* }}, {{ git.* }}, {{ checksum }}, {{ os }}, {{ arch }}) are allowed in run commands, env values, with inputs and cache keys";
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)?$/;

/**
 * Parses `{{ ... }}` in a config string into model Text: compile-time references (matrix,
 * variables, params) are replaced, runtime ones become segments. `${{ ... }}` passes through
 * verbatim; `{{ "{{" }}` yields `{{`. Errors point at the reference inside the string.
 */
export function interpolate(
  config: LoadedConfig,
  site: TextSite,
  scope: Scope,
): { text: Text; diagnostics: Diagnostic[] } {
  // Most strings hold no reference at all: skip the parse (most of a big model's strings).
  if (!site.value.includes("{{")) return { text: literalTextMessage(site.value), diagnostics: [] };
  const parts: Segment["kind"][] = [];
  const diagnostics: Diagnostic[] = [];
  const value = site.value;
  const fail = (code: string, at: number, message: string, hint?: string) => {
    const { line, column } = config.locateReference(site.path, value, at);
    diagnostics.push({
      severity: "error",
      code,
      message,
      ...(hint ? { hint } : {}),
      file: config.source.displayPath,
      line,
      column,
    });
  };
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf("{{", i);
    if (open < 0) break;
    const close = value.indexOf("}}", open + 2);
    if (value[open - 1] === "$") {
      // GitHub's own expression syntax: kept as written, braces and all.
      const end = close < 0 ? value.length : close + 2;
      parts.push({ case: "literal", value: value.slice(i, end) });
      i = end;
      continue;
    }
    parts.push({ case: "literal", value: value.slice(i, open) });
    if (close < 0) {
      fail(
        ConfigCodes.MALFORMED_INTERPOLATION,
        open,
        `${site.what}: "{{" has no closing "}}"`,
        'to write a literal "{{", use {{ "{{" }}',
      );
      return { text: makeText(parts), diagnostics };
    }
    const expression = value.slice(open + 2, close).trim();
    const result = evaluate(expression, scope);
    if ("error" in result) {
      fail(result.code, open, `${site.what}: ${result.error}`, result.hint);
    } else if (!site.runtime && result.some((p) => p.case !== "literal")) {
      fail(
        ConfigCodes.RUNTIME_REFERENCE_NOT_ALLOWED,
        open,
        `${site.what} cannot use the runtime value {{ ${expression} }}`,
        RUNTIME_HINT,
      );
    } else {
      parts.push(...result);
    }
    i = close + 2;
  }
  parts.push({ case: "literal", value: value.slice(i) });
  return { text: makeText(parts), diagnostics };
}

type Evaluation = Segment["kind"][] | { error: string; code: string; hint?: string };

function evaluate(expression: string, scope: Scope): Evaluation {
  const quoted = /^(["'])(.*)\1$/s.exec(expression);
  if (quoted) return [{ case: "literal", value: quoted[2] }];
  const checksum = /^checksum(?:\s+(["'])(.+)\1)?$/.exec(expression);
  if (checksum) {
    if (!checksum[2]) return malformed(expression, 'write {{ checksum "path/to/file" }}');
    return [{ case: "checksum", value: checksum[2] }];
  }
  if (!NAME.test(expression)) return malformed(expression);
  const [head, name] = expression.includes(".") ? expression.split(/\.(.*)/s) : [expression, undefined];
  switch (head) {
    case "os":
    case "arch":
      return name === undefined ? [{ case: "platform", value: head }] : unknown(expression, [head]);
    case "env":
    case "secrets":
      if (name === undefined) return malformed(expression, `write {{ ${head}.NAME }}`);
      return [{ case: head === "env" ? "env" : "secret", value: name }];
    case "git":
      return name === "sha" || name === "branch"
        ? [{ case: "git", value: name }]
        : unknown(expression, ["git.sha", "git.branch"]);
    case "matrix":
      return lookupString(expression, name, scope.matrix, "matrix.", "this job has no matrix");
    case "variables":
      return lookupString(expression, name, scope.variables, "variables.", "no variables are defined");
    case "params":
      if (!scope.params)
        return { code: ConfigCodes.UNKNOWN_REFERENCE, error: `{{ ${expression} }} is only available inside commands` };
      if (name === undefined) return malformed(expression, "write {{ params.NAME }}");
      return (
        scope.params.get(name)?.parts.map((p) => p.kind) ??
        unknown(
          expression,
          [...scope.params.keys()].map((p) => `params.${p}`),
        )
      );
    default:
      if (name !== undefined) return unknown(expression, []);
      return lookupString(expression, head, scope.variables, "", "no variables are defined");
  }
}

function lookupString(
  expression: string,
  name: string | undefined,
  values: ReadonlyMap<string, string> | undefined,
  prefix: string,
  none: string,
): Evaluation {
  if (name === undefined) return malformed(expression);
  const value = values?.get(name);
  if (value !== undefined) return [{ case: "literal", value }];
  if (!values || values.size === 0)
    return { code: ConfigCodes.UNKNOWN_REFERENCE, error: `unknown reference {{ ${expression} }}: ${none}` };
  return unknown(
    expression,
    [...values.keys()].map((k) => `${prefix}${k}`),
  );
}

function unknown(expression: string, known: string[]): Evaluation {
  const hint = known.length > 0 ? suggestionHint(expression, known, "Known names") : undefined;
  return { code: ConfigCodes.UNKNOWN_REFERENCE, error: `unknown reference {{ ${expression} }}`, hint };
}

function malformed(expression: string, hint?: string): Evaluation {
  return {
    code: ConfigCodes.MALFORMED_INTERPOLATION,
    error: `cannot read {{ ${expression} }}`,
    hint:
      hint ?? 'references look like {{ variables.name }}, {{ matrix.dim }}, {{ env.NAME }} or {{ checksum "file" }}',
  };
}

/** Joins adjacent literals and drops empty ones, so equal strings give equal Text. */
function makeText(parts: Segment["kind"][]): Text {
  const merged: Segment["kind"][] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.case === "literal" && part.value === "") continue;
    if (part.case === "literal" && last?.case === "literal")
      merged[merged.length - 1] = { case: "literal", value: last.value + part.value };
    else merged.push(part);
  }
  return textMessage(merged);
}

/** A Text holding one literal string. */
export function literal(value: string): Text {
  return makeText([{ case: "literal", value }]);
}

/** The plain string of a Text that holds only literals. */
export function textToString(text: Text): string {
  return text.parts.map((p) => (p.kind.case === "literal" ? p.kind.value : "")).join("");
}
