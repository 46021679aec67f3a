import { INDENT_STEP, numberScalar, stringScalar, UnsupportedValue } from "./yaml-scalar";

/**
 * Writes a document of plain data (objects, arrays, strings, numbers, booleans, null) as block
 * YAML, character for character what `yaml`'s stringify writes with toYaml's options; undefined
 * when the document holds anything else (a Map, a Date, undefined in an array, a class instance,
 * a key too long for an implicit key...), so the caller can hand that document to `yaml` instead.
 *
 * Why it exists: `yaml` builds a node tree for the whole document and then walks it with a context
 * object per node. On the 1000-job benchmark workflow (2.3 MB of YAML, 72,000 strings), measured
 * once per fresh process as the provider runs it: yaml.stringify 490-690 ms of CPU, this writer
 * 80-120 ms (2-core machine under load; warm, 1190 ms against 24 ms); in the GitHub provider's
 * Generate, stringify was 210-530 ms of ~570 ms and left much of the garbage collection.
 */
export function emitYaml(doc: unknown): string | undefined {
  // A lone scalar at the top is not worth copying `yaml`'s rules for; no provider writes one.
  if (typeof doc !== "object" || doc === null) return undefined;
  try {
    return `${collection(nestedCollection(doc), "")}\n`;
  } catch (e) {
    if (e instanceof UnsupportedValue || e instanceof RangeError) return undefined;
    throw e;
  }
}

type Mapping = Record<string, unknown>;

/** Only plain objects are written as mappings here; `yaml` reads other objects its own ways. */
function isMap(value: unknown): value is Mapping {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function" &&
    !(Symbol.iterator in value)
  );
}

/** Longest key `yaml` writes as an implicit key; a longer one needs the explicit `? ` form. */
const MAX_IMPLICIT_KEY = 1024;

/**
 * A non-empty mapping or sequence at indentation `indent`, without the indentation of its first
 * line (the caller's line already has it, or a `- `); empty ones are written in flow style.
 */
function collection(value: Mapping | unknown[], indent: string): string {
  return Array.isArray(value) ? sequence(value, indent) : mapping(value, indent);
}

function mapping(map: Mapping, indent: string): string {
  const inner = indent + INDENT_STEP;
  let out = "";
  let first = true;
  // for-in rather than Object.keys: no array per mapping. isMap let only plain objects through,
  // whose prototype has nothing enumerable; hasOwn guards against one that was given some.
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    const value = map[key];
    // `yaml` leaves out keys whose value is undefined.
    if (value === undefined) continue;
    const keyText = stringScalar(key, inner, true);
    if (keyText.length > MAX_IMPLICIT_KEY) throw new UnsupportedValue("long key");
    if (!first) out += `\n${indent}`;
    first = false;
    out += `${keyText}:${afterKey(value, inner)}`;
  }
  return first ? "{}" : out;
}

/** What follows `key:` — a space and a scalar or empty collection, or a nested block. */
function afterKey(value: unknown, inner: string): string {
  if (typeof value !== "object" || value === null) return ` ${scalar(value, inner)}`;
  const text = collection(nestedCollection(value), inner);
  return text === "{}" || text === "[]" ? ` ${text}` : `\n${inner}${text}`;
}

function sequence(items: unknown[], indent: string): string {
  if (items.length === 0) return "[]";
  const inner = indent + INDENT_STEP;
  let out = "";
  for (let i = 0; i < items.length; i++) {
    // A hole or undefined becomes `null` in `yaml`; not worth copying for data nobody emits.
    if (!(i in items) || items[i] === undefined) throw new UnsupportedValue("undefined item");
    const item = items[i];
    if (i > 0) out += `\n${indent}`;
    const text =
      typeof item === "object" && item !== null ? collection(nestedCollection(item), inner) : scalar(item, inner);
    out += `- ${text}`;
  }
  return out;
}

function nestedCollection(value: object): Mapping | unknown[] {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new UnsupportedValue("array subclass");
    return value;
  }
  if (isMap(value)) return value;
  throw new UnsupportedValue("object that is not plain data");
}

function scalar(value: unknown, indent: string): string {
  switch (typeof value) {
    case "string":
      return stringScalar(value, indent, false);
    case "number":
      return numberScalar(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      if (value === null) return "null";
      throw new UnsupportedValue(typeof value);
  }
}
