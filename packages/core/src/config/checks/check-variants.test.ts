import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkVariants", () => {
  it("reports variant ids that collide after folding", () => {
    const text = "jobs:\n  t:\n    matrix: {v: ['3.2', '3_2']}\n    steps: [{run: x}]\n";
    expect(errors(text)).toEqual([
      {
        code: ConfigCodes.DUPLICATE_VARIANT,
        line: 3,
        column: 5,
        message: 'job "t" expands to variant id "t-3_2", which another variant of the same job already uses',
        hint: "variant ids fold characters outside [A-Za-z0-9_-] to _; make the values or job ids differ",
      },
    ]);
  });
  it("reports a variant colliding with another job", () => {
    const text = "jobs:\n  t-a: {steps: [{run: x}]}\n  t:\n    matrix: {v: [a]}\n    steps: [{run: x}]\n";
    expect(errors(text)[0].message).toBe('job "t" expands to variant id "t-a", which job "t-a" already uses');
  });
  it("reports a matrix emptied by exclude", () => {
    const text = "jobs:\n  t:\n    matrix: {v: [a], exclude: [{v: a}]}\n    steps: [{run: x}]\n";
    expect(errors(text)[0]).toMatchObject({ code: ConfigCodes.EMPTY_MATRIX, line: 3, column: 5 });
  });
});
