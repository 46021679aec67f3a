import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";

/** What parseFast read: the value, and how its numbers were written. */
export interface FastParse {
  value: unknown;
  /** Each number's source spelling; null when one value was written two different ways. */
  numberSpellings: Map<number, string | null>;
}

/**
 * Text the exact path must read: `%YAML 1.1` changes the schema, an explicit `?` key may be a
 * collection, a comment glued to a quote or bracket (`"a"#c`) is an error only `yaml` reports,
 * and an anchor (`&name`, not the shell's `&&`) means aliases: js-yaml would share their values
 * where `yaml` copies them and bounds the copying (alias bombs).
 */
const NEEDS_EXACT_PATH = /^%|^[ \t-]*\?(?:[ \t]|$)|["'\]}]#|(?:^|[\s[{,])&[^\s&,[\]{}]/m;

/**
 * The happy path of config loading. js-yaml builds plain JS about 5x faster than `yaml`'s
 * parseDocument + toJS (measured, cold process, 1000-job bench config of 227 kB: ~220 ms vs
 * ~1200 ms of CPU on a loaded machine; warm runs differ more), but it keeps
 * no source positions and does not resolve scalars the way `yaml` does. So this parser:
 * - resolves plain scalars exactly like `yaml`'s YAML 1.2 core schema (the regexes below are that
 *   schema's: `1_000`, `0b1`, `2020-01-01` and `yes` stay strings, unlike js-yaml's defaults),
 *   with merge keys (`<<`) as `yaml` reads them with `merge: true`;
 * - records how each number was written, so `3.10` can still be read back as "3.10";
 * - gives up (returns undefined) on anything it cannot answer exactly like `yaml` would: any
 *   parse error, any tag outside the core schema, any text NEEDS_EXACT_PATH matches
 *   (needsExactPath checks the value for the rest).
 * Whoever calls it then runs the exact `yaml` path, which produces today's diagnostics.
 */
export function parseFast(text: string): FastParse | undefined {
  if (NEEDS_EXACT_PATH.test(text)) return undefined;
  const numberSpellings = new Map<number, string | null>();
  const remember = (value: number, source: string) => {
    const known = numberSpellings.get(value);
    if (known === undefined) numberSpellings.set(value, source);
    else if (known !== source) numberSpellings.set(value, null);
    return value;
  };
  try {
    const value = load(text, { schema: schemaFor(remember) });
    return { value, numberSpellings };
  } catch {
    // Syntax errors, duplicate keys, unknown tags and stack overflows on absurd nesting alike:
    // the exact path reports them with `yaml`'s positions and wording.
    return undefined;
  }
}

type Remember = (value: number, source: string) => number;

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** `yaml`'s float and exponent forms; a plain integer is not one (`!!float 5` stays "5" there too). */
const FLOAT = /^[-+]?(?:(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$/;

function schemaFor(remember: Remember) {
  const scalar = (tag: string, test: (s: string) => boolean, construct: (s: string) => unknown) =>
    new Type(tag, {
      kind: "scalar",
      resolve: (s: string | null) => test(s ?? ""),
      construct: (s) => construct(s ?? ""),
    });
  return FAILSAFE_SCHEMA.extend({
    implicit: [
      scalar(
        "tag:yaml.org,2002:null",
        (s) => NULL.test(s),
        () => null,
      ),
      scalar(
        "tag:yaml.org,2002:bool",
        (s) => BOOL.test(s),
        (s) => s[0] === "t" || s[0] === "T",
      ),
      scalar(
        "tag:yaml.org,2002:int",
        (s) => INT.test(s) || INT_OCT.test(s) || INT_HEX.test(s),
        (s) => remember(INT.test(s) ? Number.parseInt(s, 10) : Number.parseInt(s.slice(2), s[1] === "o" ? 8 : 16), s),
      ),
      scalar(
        "tag:yaml.org,2002:float",
        (s) => FLOAT.test(s) || FLOAT_NAN.test(s),
        (s) => remember(FLOAT_NAN.test(s) ? nonFinite(s) : Number.parseFloat(s), s),
      ),
      // js-yaml merges any `<<` key whose tag is this one (its own merge type is not in the typings).
      new Type("tag:yaml.org,2002:merge", { kind: "scalar", resolve: (s: string | null) => s === "<<" }),
    ],
  });
}

function nonFinite(s: string): number {
  if (s.slice(-3).toLowerCase() === "nan") return Number.NaN;
  return s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
