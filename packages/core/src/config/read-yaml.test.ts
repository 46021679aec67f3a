import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, load } from "../../test-fixtures/config/load";
import { parseFast } from "./fast-yaml";
import { needsExactPath } from "./needs-exact-path";
import { parseYaml } from "./parse-yaml";

const exact = (text: string) => parseYaml(text, "cigen.yml").value;
// Every bundled example with a config (examples/third-party-module is a module, not a project).
const examples = readdirSync(new URL("../../../../examples", import.meta.url))
  .filter((dir) => existsSync(new URL(`../../../../examples/${dir}/cigen.yml`, import.meta.url)))
  .map((dir) => readFileSync(new URL(`../../../../examples/${dir}/cigen.yml`, import.meta.url), "utf8"));

/** Scalars and layouts where js-yaml's defaults and `yaml`'s core schema part ways. */
const TRICKY = [
  "a: [1_000, 0b11, 0o17, 0x1F, 017, +5, -0, 1e3, .5, 5., -.inf, .NaN, .nan, 12345678901234567890]",
  "a: [yes, no, on, off, y, n, True, FALSE, ~, Null, null, '', 2020-01-01, 2020-01-01T10:00:00Z]",
  "a: [3.10, '3.10', \"3.2\", 3.2, 1.0, 10, +1.5e-3]",
  "a: |\n  line one\n   indented\n\n  last\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\n",
  "a: \"esc \\t \\u00e9 \\x41 \\\\ \\\" \\/ \\N\"\nb: 'it''s'\nc: plain # comment\nd: a#b",
  "a: multi\n  line\n  plain\nb: [a, {c: d}, [e]]\nc: {x: 1, y: [2, 3]}\n",
  "base: &b {image: node, env: {A: '1'}}\njob:\n  <<: *b\n  image: own\n",
  "x: &s scalar\ny: *s\n",
  "k: !!str 3\nl: !!int '4'\nm: !!float 5\nn: !!float 5.5\no: ! 6\np: !!null ''\nq: !!bool yes\nr: !!float 1e3\n",
  "---\na: 1\n...\n",
  "a:\r\n  - b\r\n  - c\r\n",
  "__proto__: 1\nconstructor: 2\n",
  "true: 1\n1: 2\n1.50: 3\n",
];

describe("parseFast agrees with the exact yaml path", () => {
  it.each([
    ...["minimal.yml", "rails.yml", "node-monorepo.yml"].map((name) => [name, fixture(name)]),
    ...examples.map((text, i) => [`example ${i}`, text]),
    ...TRICKY.map((text, i) => [`tricky ${i}`, text]),
  ])("%s", (_name, text) => {
    const fast = parseFast(text);
    if (fast && !needsExactPath(fast.value, text.length)) expect(fast.value).toEqual(exact(text));
  });

  it("takes the fast path for ordinary configs", () => {
    for (const text of [fixture("rails.yml"), ...examples])
      expect(needsExactPath(parseFast(text)?.value, text.length)).toBe(false);
  });

  it.each([
    ["aliases to collections", "a: &a [1]\nb: *a\n"],
    ["an anchor in a flow collection", "a: [&x 1, *x]\n"],
    ["a null key", "~: 1\n"],
    ["a collection as a key", "[a, b]: c\n"],
    ["a mapping as a key", "{a: 1}: c\n"],
    ["a very long key", `${"k".repeat(1100)}: 1\n`],
    ["a comment glued to a quote", '"a"#c: 1\n'],
    ["a %YAML directive", "%YAML 1.1\n---\na: yes\n"],
    ["an explicit key", "? [a, b]\n: c\n"],
    ["nesting deeper than 64", `a: ${"[".repeat(70)}${"]".repeat(70)}\n`],
  ])("leaves %s to the exact path", (_name, text) => {
    const fast = parseFast(text);
    expect(fast === undefined || needsExactPath(fast.value, text.length)).toBe(true);
  });

  it("walks shared values linearly: an alias bomb is caught by counting", () => {
    const shared = Array(10).fill("x");
    let bomb: unknown[] = shared;
    for (let i = 0; i < 9; i++) bomb = Array(10).fill(bomb);
    expect(needsExactPath({ a: bomb }, 500)).toBe(true);
  });

  it("keeps shell `&&` on the fast path", () => {
    const text = "jobs: {a: {steps: [{run: npm ci && npm test}]}}\n";
    expect(needsExactPath(parseFast(text)?.value, text.length)).toBe(false);
  });

  it("gives up on errors and unknown tags", () => {
    expect(parseFast("a: [\n")).toBeUndefined();
    expect(parseFast("a: 1\na: 2\n")).toBeUndefined();
    expect(parseFast("a: !!binary aGk=\n")).toBeUndefined();
    expect(parseFast(`a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`)).toBeUndefined();
  });
});

describe("scalarSource", () => {
  it("reads numbers as written, from the fast path or the document", () => {
    const config = load("variables: {a: 3.10, b: 3.2, c: 3.1, d: '3.10', e: 3.100}\njobs: {t: {steps: [{run: x}]}}\n")
      .config!;
    expect(config.scalarSource(["variables", "a"])).toBe("3.10");
    expect(config.scalarSource(["variables", "b"])).toBe("3.2");
    // 3.1 was written three ways: the document says which one is where.
    expect(config.scalarSource(["variables", "c"])).toBe("3.1");
    expect(config.scalarSource(["variables", "e"])).toBe("3.100");
  });
});
