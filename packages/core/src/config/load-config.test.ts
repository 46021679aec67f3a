import { describe, expect, it } from "vitest";
import { load } from "../../test-fixtures/config/load";
import { ConfigCodes } from "./codes";

const codes = (text: string) => load(text).diagnostics.map((d) => d.code);

describe("loadConfig robustness", () => {
  it("refuses NUL bytes as not a text YAML file", () => {
    const [d] = load("jobs:\n  a\u0000b: 1\n").diagnostics;
    expect(d).toMatchObject({ code: ConfigCodes.NOT_TEXT, line: 2, column: 4 });
    expect(d.message).toBe("not a text YAML file: it contains NUL bytes");
  });

  it("refuses invalid UTF-8 (decoded leniently to U+FFFD)", () => {
    const text = new TextDecoder().decode(new Uint8Array([0x6a, 0x6f, 0x62, 0x73, 0x3a, 0xff, 0xfe, 0x0a]));
    expect(load(text).diagnostics[0]).toMatchObject({ code: ConfigCodes.NOT_TEXT, line: 1, column: 6 });
  });

  it("reports YAML syntax errors with a position", () => {
    const [d] = load("jobs:\n  test:\n    steps: [\n").diagnostics;
    expect(d.code).toBe(ConfigCodes.YAML_SYNTAX);
    expect(d.message).toMatch(/^YAML syntax error: /);
    expect(d.line).toBeGreaterThan(0);
  });

  it("reports duplicate keys at the second key", () => {
    const [d] = load("jobs:\n  a: {steps: [{run: x}]}\n  a: {steps: [{run: y}]}\n").diagnostics;
    expect(d).toMatchObject({ code: ConfigCodes.DUPLICATE_KEY, line: 3, column: 3 });
  });

  it("stops alias bombs", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    const started = Date.now();
    expect(codes(lines.join("\n"))).toEqual([ConfigCodes.ALIAS_LIMIT]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ["an empty file", "", "an empty document"],
    ["a list", "- a\n- b\n", "a list"],
    ["a scalar", "hello\n", "a single value"],
  ])("refuses %s at the top level", (_name, text, got) => {
    const [d] = load(text).diagnostics;
    expect(d.code).toBe(ConfigCodes.NOT_A_MAPPING);
    expect(d.message).toBe(`the config must be a mapping with at least "jobs", got ${got}`);
  });

  it("refuses 10,000 levels of flow nesting without crashing", () => {
    const text = `jobs: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    const [d] = load(text).diagnostics;
    expect([ConfigCodes.TOO_DEEP, ConfigCodes.YAML_SYNTAX]).toContain(d.code);
  });

  it("refuses 10,000 levels of block nesting without crashing", () => {
    const started = Date.now();
    const [d] = load(`jobs:\n  a:\n    steps:\n      ${"- ".repeat(10_000)}x\n`).diagnostics;
    expect([ConfigCodes.TOO_DEEP, ConfigCodes.YAML_SYNTAX]).toContain(d.code);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses nesting deeper than 64 with its own diagnostic", () => {
    const text = `jobs:\n  a:\n    steps: [{run: x}]\n    env: ${"[".repeat(70)}${"]".repeat(70)}\n`;
    expect(load(text).diagnostics[0]).toMatchObject({ code: ConfigCodes.TOO_DEEP, line: 4 });
  });

  it("refuses a 5 MB config with a clear diagnostic, at once", () => {
    const jobs = Array.from(
      { length: 45_000 },
      (_, i) => `  job${i}:\n    steps:\n      - run: echo ${"x".repeat(80)}\n`,
    );
    const text = `jobs:\n${jobs.join("")}`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = Date.now();
    const [d] = load(text).diagnostics;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(d).toMatchObject({ code: ConfigCodes.TOO_LARGE, line: 1, column: 1 });
    expect(d.message).toBe("the config is 5.2 MB, more than the 2 MB cigen reads");
  });

  it("reads a 1 MB config (9,000 jobs) within seconds", () => {
    const jobs = Array.from(
      { length: 9_000 },
      (_, i) => `  job${i}:\n    steps:\n      - run: echo ${"x".repeat(80)}\n`,
    );
    const started = Date.now();
    const result = load(`jobs:\n${jobs.join("")}`);
    expect(result.diagnostics).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses an unknown future version with a clear message", () => {
    const [d] = load('version: "2"\njobs:\n  a: {steps: [{run: x}], future_key: 1}\n').diagnostics;
    expect(d).toMatchObject({ code: ConfigCodes.UNSUPPORTED_VERSION, line: 1, column: 10 });
    expect(d.message).toBe('config version "2" is not supported: this cigen reads version "1"');
  });

  it("accepts version 1 as string or number, and a BOM", () => {
    expect(load('\uFEFFversion: "1"\njobs: {a: {steps: [{run: x}]}}\n').config).toBeDefined();
    expect(load("version: 1\njobs: {a: {steps: [{run: x}]}}\n").config).toBeDefined();
  });

  it("returns no config when any check fails, and the config with warnings", () => {
    expect(load("jobs: {a: {needs: [b], steps: [{run: x}]}}\n").config).toBeUndefined();
    const warned = load("project: {type: turborepo}\njobs: {a: {steps: [{run: x}]}}\n");
    expect(warned.config).toBeDefined();
    expect(warned.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
  });

  it("locates keys and values; a missing path falls back to its nearest ancestor", () => {
    const config = load(`jobs:\n  a:\n    needs: []\n    steps:\n      - run: x\n`).config!;
    expect(config.locate(["jobs", "a", "steps", 0])).toEqual({ line: 5, column: 9 });
    expect(config.locate(["jobs", "a", "needs"])).toEqual({ line: 3, column: 5 });
    expect(config.locateValue(["jobs", "a", "needs"])).toEqual({ line: 3, column: 12 });
    expect(config.locate(["jobs", "a", "nope", 3])).toEqual({ line: 3, column: 5 });
  });

  it("follows YAML merge keys for values and positions", () => {
    const merged = load("jobs:\n  base: &b\n    image: node:20\n    steps: [{run: x}]\n  a:\n    <<: *b\n").config!;
    expect(merged.raw.jobs.a.image).toBe("node:20");
    expect(merged.locateValue(["jobs", "a", "image"])).toEqual({ line: 3, column: 12 });
  });
});
