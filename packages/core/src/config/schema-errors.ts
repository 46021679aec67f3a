import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean, suggestionHint } from "../diagnostics/did-you-mean";
import { ConfigCodes } from "./codes";
import type { ConfigPath } from "./config-types";
import { describePath } from "./describe-path";
import type { SchemaError } from "./schema-validator";
import type { Position } from "./yaml-locator";

/** What schemaErrorsToDiagnostics needs to place a diagnostic. */
export interface ErrorPlacer {
  file: string;
  locate(path: ConfigPath): Position;
  locateValue(path: ConfigPath): Position;
}

/** Human wording of the schema's name patterns. */
const PATTERNS: Record<string, string> = {
  "^[A-Za-z_][A-Za-z0-9_-]*$": "start with a letter or _ and contain only letters, digits, _ and -",
  "^[A-Za-z_][A-Za-z0-9_]*$": "start with a letter or _ and contain only letters, digits and _",
  "^[A-Za-z0-9][A-Za-z0-9_.-]*$": "contain only letters, digits, _, . and -",
  "^(amd64|arm64)$|\\{\\{": 'be "amd64" or "arm64" (or a {{ matrix.<dim> }} reference)',
};

/**
 * Turns ajv's errors into one readable diagnostic per problem: oneOf noise collapsed, `if`
 * wrappers dropped, unknown keys with a did-you-mean, wrong types as expected vs got.
 */
export function schemaErrorsToDiagnostics(
  errors: readonly SchemaError[],
  data: unknown,
  placer: ErrorPlacer,
): Diagnostic[] {
  const unknownKeys = errors.filter((e) => e.keyword === "additionalProperties");
  const unknownKeyAt = new Set(unknownKeys.map((e) => e.instancePath));
  // A mistyped key also makes the real one "missing": the unknown-key diagnostic says it all.
  const isTypoOf = (error: SchemaError) =>
    unknownKeys.some(
      (u) =>
        u.instancePath === error.instancePath &&
        didYouMean(String(u.params.additionalProperty), [String(error.params.missingProperty)]) !== undefined,
    );
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of collapseBranches(errors)) {
    if (error.keyword === "oneOf" && unknownKeyAt.has(error.instancePath)) continue;
    if (error.keyword === "required" && isTypoOf(error)) continue;
    const path = toPath(error.instancePath, data);
    const diagnostic = describeError(error, path, data, placer);
    if (!diagnostic) continue;
    const id = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(diagnostic);
  }
  return out;
}

/** Drops errors from inside oneOf branches (the oneOf error speaks for them) and `if` wrappers. */
function collapseBranches(errors: readonly SchemaError[]): SchemaError[] {
  const branchRoots = errors
    .filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")
    .map((e) => `${e.schemaPath}/`);
  return errors.filter(
    (e) =>
      e.keyword !== "if" && e.keyword !== "propertyNames" && !branchRoots.some((root) => e.schemaPath.startsWith(root)),
  );
}

function describeError(
  error: SchemaError,
  path: ConfigPath,
  data: unknown,
  placer: ErrorPlacer,
): Diagnostic | undefined {
  const base = { severity: "error" as const, file: placer.file };
  const where = describePath(path);
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const hint = suggestionHint(key, allowed, "Allowed keys");
      const message = `unknown key "${key}" in ${where}`;
      return { ...base, code: ConfigCodes.UNKNOWN_KEY, message, hint, ...placer.locate([...path, key]) };
    }
    case "required": {
      const key = String(params.missingProperty);
      const message = `missing key "${key}" in ${where}`;
      return { ...base, code: ConfigCodes.MISSING_KEY, message, ...placer.locate(path) };
    }
    case "type": {
      const expected = String(params.type).split(",").map(typeName).join(" or ");
      const message = `${where} must be ${expected}, got ${typeName(jsonType(valueAt(data, path)))}`;
      return { ...base, code: ConfigCodes.WRONG_TYPE, message, ...placer.locateValue(path) };
    }
    case "oneOf":
      return describeOneOf(error, path, data, placer);
    case "pattern":
      return describePattern(error, path, placer);
    default:
      return describeValueError(error, path, data, placer);
  }
}

function describeOneOf(error: SchemaError, path: ConfigPath, data: unknown, placer: ErrorPlacer): Diagnostic {
  const branches = (error.schema as { required?: string[] }[] | undefined) ?? [];
  const keys = branches.flatMap((b) => b.required ?? []);
  const value = valueAt(data, path) as Record<string, unknown> | undefined;
  const present = keys.filter((k) => value && typeof value === "object" && k in value);
  const message =
    present.length > 1
      ? `${describePath(path)} has ${present.map((k) => `"${k}"`).join(" and ")}: a step does exactly one thing`
      : `${describePath(path)} needs one of: ${keys.join(", ")}`;
  const hint = present.length > 1 ? "split it into one step per action" : undefined;
  return { severity: "error", code: ConfigCodes.MISSING_KEY, message, hint, file: placer.file, ...placer.locate(path) };
}

function describePattern(error: SchemaError, path: ConfigPath, placer: ErrorPlacer): Diagnostic {
  const pattern = String(error.params.pattern);
  const rule = PATTERNS[pattern] ?? `match ${pattern}`;
  const name = error.propertyName ?? error.params.propertyName;
  if (typeof name === "string") {
    const message = `${nameKind(path)} "${name}" must ${rule}`;
    return {
      severity: "error",
      code: ConfigCodes.INVALID_NAME,
      message,
      file: placer.file,
      ...placer.locate([...path, name]),
    };
  }
  const message = `${describePath(path)} must ${rule}`;
  return {
    severity: "error",
    code: ConfigCodes.INVALID_VALUE,
    message,
    file: placer.file,
    ...placer.locateValue(path),
  };
}

function describeValueError(error: SchemaError, path: ConfigPath, data: unknown, placer: ErrorPlacer): Diagnostic {
  const where = describePath(path);
  const params = error.params;
  const got = JSON.stringify(valueAt(data, path));
  let message: string;
  let hint: string | undefined;
  if (error.keyword === "enum") {
    const allowed = (params.allowedValues as unknown[]).map(String);
    message = `${where} must be one of ${allowed.map((v) => `"${v}"`).join(", ")}, got ${got}`;
    hint = suggestionHint(String(valueAt(data, path)), [...new Set(allowed)], "Allowed values");
  } else if (error.keyword === "const") {
    message = `${where} must be ${JSON.stringify(params.allowedValue)}, got ${got}`;
  } else if (error.keyword === "minItems" || error.keyword === "minProperties") {
    message = `${where} must have at least ${params.limit} ${error.keyword === "minItems" ? "item" : "entry"}`;
  } else if (error.keyword === "minimum" || error.keyword === "maximum") {
    message = `${where} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${params.limit}, got ${got}`;
  } else {
    message = `${where} ${error.message ?? "is invalid"}`;
  }
  return {
    severity: "error",
    code: ConfigCodes.INVALID_VALUE,
    message,
    hint,
    file: placer.file,
    ...placer.locateValue(path),
  };
}

/** Converts a JSON pointer into a config path, with numeric segments where the data is a list. */
function toPath(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const segment = Array.isArray(node) ? Number(key) : key;
    path.push(segment);
    node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

function valueAt(data: unknown, path: ConfigPath): unknown {
  let node = data;
  for (const segment of path)
    node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    array: "a list",
    object: "a mapping",
    string: "a string",
    integer: "an integer",
    number: "a number",
    boolean: "true or false",
    null: "nothing (null)",
  };
  return names[type] ?? type;
}

/** What a mapping key is called, for a name that breaks its pattern. */
function nameKind(path: ConfigPath): string {
  const last = path.at(-1);
  if (path.length === 1 && last === "jobs") return "job id";
  if (last === "variables" || last === "env") return "variable name";
  if (last === "matrix" || last === "parameters") return `${last === "matrix" ? "matrix dimension" : "parameter"} name`;
  return `name in ${describePath(path)}`;
}
