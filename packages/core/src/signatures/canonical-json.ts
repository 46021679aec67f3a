import { comparePaths } from "./compare-paths";

/**
 * JSON with object keys sorted by code point and no whitespace, so equal values always give equal
 * text. Object properties that are `undefined` are left out (as JSON.stringify does, and as
 * protobuf-es leaves unset optional fields); bigint is written as its digits. Anything without a
 * faithful JSON form (NaN, functions, Map, typed arrays, undefined inside arrays) throws a
 * TypeError: silently dropping part of a definition could make two different jobs look equal.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, "$");
  return parts.join("");
}

function write(value: unknown, out: string[], at: string): void {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    out.push(JSON.stringify(value));
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${at} is ${value}, which has no JSON form`);
    out.push(JSON.stringify(value));
  } else if (typeof value === "bigint") {
    out.push(value.toString());
  } else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((item, i) => {
      if (i > 0) out.push(",");
      if (item === undefined) throw new TypeError(`${at}[${i}] is undefined`);
      write(item, out, `${at}[${i}]`);
    });
    out.push("]");
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort(comparePaths);
    out.push("{");
    keys.forEach((key, i) => {
      out.push(i > 0 ? "," : "", JSON.stringify(key), ":");
      write(value[key], out, `${at}.${key}`);
    });
    out.push("}");
  } else {
    throw new TypeError(`${at} is a ${describe(value)}, which has no canonical JSON form`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "object";
  return typeof value;
}
