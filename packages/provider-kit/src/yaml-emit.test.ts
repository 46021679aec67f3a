import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { toYaml, YAML_OPTIONS } from "./yaml";
import { emitYaml } from "./yaml-emit";

/** What toYaml wrote before it had its own writer: the reference for every case below. */
const reference = (doc: unknown) => stringify(doc, YAML_OPTIONS);

function expectSame(doc: unknown): void {
  const ours = emitYaml(doc);
  expect(ours, ascii(JSON.stringify(doc))).toBe(reference(doc));
}

/** Invisible characters (U+2028, a lone surrogate...) spelled out in a failure message. */
function ascii(text: string | undefined): string {
  return String(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `${{ expression }}`, the GitHub Actions syntax most generated values use. */
function githubExpression(expression: string): string {
  return `\${{ ${expression} }}`;
}

/** Strings each of which trips at least one of YAML's quoting or block rules. */
const TRICKY_STRINGS = [
  "",
  " ",
  "plain",
  "npm test -- --shard=3",
  " leading space",
  "trailing space ",
  "\ttab first",
  "tab last\t",
  "a: b",
  "a:b",
  "ends with colon:",
  "a #comment",
  "a#b",
  "#start",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "null",
  "Null",
  "NULL",
  "~",
  "true",
  "True",
  "TRUE",
  "false",
  "FALSE",
  "0",
  "012",
  "-1",
  "+1",
  "1.5",
  ".5",
  "1.",
  "1e3",
  "-1E-3",
  "0x1F",
  "0o17",
  "0b101",
  "1_000",
  ".inf",
  "-.Inf",
  ".nan",
  ".NaN",
  "1.2.3",
  "20",
  "*alias",
  "&anchor",
  "!tag",
  "|pipe",
  ">folded",
  "'single'",
  '"double"',
  "it's",
  'say "hi"',
  "%directive",
  "@at",
  "`backtick",
  "-",
  "--",
  "- item",
  "-item",
  "?",
  "? key",
  "?key",
  "{",
  "{a}",
  "[a, b]",
  "]",
  ",comma",
  "a, b",
  "---",
  "--- x",
  "---x",
  "...",
  "...x",
  "a\nb",
  "a\n",
  "a\n\n",
  "a\n\n\n",
  "\n",
  "\n\n",
  "\na",
  "\n\na\nb",
  "  indented\nblock",
  " \nx",
  "x \ny",
  "x\n y",
  "x\n\n  y\n",
  "x\n \n",
  "x\n  ",
  "x\n\t",
  "line one\nline two\n  more indented\n\nafter blank\n",
  'set -e\nif [ -f x ]; then\n  echo "found: $x" # note\nfi\n',
  "a long line that goes on and on past eighty characters, just to be sure nothing ever folds it at all",
  "a long double-quoted line: with a colon, going well beyond the eighty character line width limit",
  "short \\ backslash",
  "back\\nslash-n",
  "ctrl\u0001char",
  "bell\u0007 esc\u001b nul\u0000 vt\u000b",
  "del\u007f",
  "nel\u0085",
  "nbsp\u00a0",
  "ls\u2028ps\u2029",
  "lone \ud800 surrogate",
  "emoji 🎉 ok",
  "ünïcödé",
  "日本語: テキスト",
  "carriage\rreturn",
  "crlf\r\nline",
  "ctrl with newline long enough to be multi-line \u0001\nsecond line here",
  "  spaces around newline are escaped when quoted  \n  next  \n",
  githubExpression("github.event_name == 'push'"),
  githubExpression("needs.plan.outputs.run_job_1 == 'true'"),
  `echo ${githubExpression("secrets.TOKEN")}`,
  "node:20",
  "postgres:16-alpine",
  "key=value",
  "C:\\path",
  "a\tb",
  "a\u00a0",
];

/** Every position a string can take in a provider's document. */
function placements(s: string): unknown[] {
  return [
    { [s]: s },
    { top: { [s]: s } },
    { top: { mid: { deep: s } } },
    { list: [s, s] },
    [s],
    [[s]],
    [{ [s]: [s] }],
    { list: [{ [s]: s, other: s }] },
    { list: [[s, { k: s }]] },
  ];
}

describe("emitYaml", () => {
  it.each(TRICKY_STRINGS)("writes %j as yaml does, as a key and as a value at every depth", (s) => {
    for (const doc of placements(s)) expectSame(doc);
  });

  it("writes numbers, booleans, null and empty collections as yaml does", () => {
    expectSame({
      int: 42,
      neg: -7,
      zero: 0,
      negZero: -0,
      float: 1.5,
      tiny: 1e-7,
      huge: 1e21,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      ninf: Number.NEGATIVE_INFINITY,
      yes: true,
      no: false,
      nothing: null,
      emptyList: [],
      emptyMap: {},
      listOfEmpties: [[], {}, [[]], [{}], null],
      nested: { a: { b: { c: [1, [2, [3, {}]]] } } },
      "1": "numeric key first",
      "": "empty key",
    });
    expectSame({});
    expectSame([]);
    expectSame([1, "two", null, true]);
  });

  it("writes only own keys, even if Object.prototype was given an enumerable one", () => {
    Object.defineProperty(Object.prototype, "polluted", {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expectSame({ a: 1, b: { c: [{ d: 2 }] } });
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it("leaves out keys whose value is undefined, as yaml does", () => {
    expectSame({ a: 1, b: undefined, c: { d: undefined }, e: [{ f: undefined, g: 1 }] });
  });

  it("matches yaml on random documents built from awkward characters", () => {
    const random = seeded(20240611);
    const alphabet = [..."aZ09 -?:#,[]{}!&*|>'\"%@`\\\n\t.~_=$/é🎉", "\u0001", "\u2028", "\r"];
    const text = () => {
      const length = Math.floor(random() ** 2 * 60);
      let s = "";
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      return s;
    };
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.55) return r < 0.05 ? Math.floor(random() * 100) : text();
      if (r < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const map: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 4); i > 0; i--) map[text()] = value(depth + 1);
      return map;
    };
    for (let i = 0; i < 3000; i++) {
      const doc: Record<string, unknown> = {};
      for (let k = 0; k < 3; k++) doc[text()] = value(0);
      expectSame(doc);
    }
  });

  it("hands everything that is not plain data back to yaml", () => {
    class Step {
      run = "x";
    }
    const others: unknown[] = [
      "top-level scalar",
      42,
      null,
      { when: new Date(0) },
      { m: new Map([["a", 1]]) },
      { s: new Set([1]) },
      { big: 10n },
      { list: [1, undefined, 2] },
      // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
      { list: [1, , 2] },
      { step: new Step() },
      { custom: { toJSON: () => "x" } },
      { ["k".repeat(1100)]: 1 },
    ];
    for (const doc of others) {
      expect(emitYaml(doc)).toBeUndefined();
      let expected: string | Error;
      try {
        expected = reference(doc);
      } catch (e) {
        expected = e as Error;
      }
      if (expected instanceof Error) expect(() => toYaml(doc)).toThrow(expected.message);
      else expect(toYaml(doc)).toBe(expected);
    }
  });
});

describe("emitYaml on every committed output", () => {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  // Outputs only: the cigen.yml inputs next to them were written by people, not by toYaml.
  const files = [
    ...yamlFiles(join(root, "test/golden/cases")),
    ...yamlFiles(join(root, "test/golden/examples")),
    ...yamlFiles(join(root, "examples")),
  ].filter((f) => !f.endsWith("cigen.yml"));

  it("finds the golden outputs", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => relative(root, f)))("%s round-trips through emitYaml as through yaml", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const data = parse(text);
    const ours = emitYaml(data);
    expect(ours).toBe(reference(data));
    // The body under the generated header is toYaml's own output, so it comes back unchanged.
    expect(ours).toBe(withoutLeadingComments(text));
  });
});

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry)) out.push(path);
  }
  return out.sort();
}

function withoutLeadingComments(text: string): string {
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length && (lines[i].startsWith("#") || lines[i] === "")) i++;
  return lines.slice(i).join("\n");
}
