import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkNeeds", () => {
  it("reports an unknown need exactly like the CLI contract", () => {
    const text =
      "jobs:\n  build: {steps: [{run: x}]}\n  lint: {steps: [{run: x}]}\n  deploy: {steps: [{run: x}]}\n  test:\n    needs:\n      - biuld\n    steps: [{run: x}]\n";
    expect(errors(text)).toEqual([
      {
        code: "CIGEN-CONFIG-014",
        line: 7,
        column: 9,
        message: 'job "test" needs unknown job "biuld"',
        hint: 'did you mean "build"? Known jobs: build, lint, deploy',
      },
    ]);
  });
  it("checks needs_any and the single-string form", () => {
    const text = "jobs:\n  a: {steps: [{run: x}], needs: zz, needs_any: [yy]}\n";
    expect(errors(text).map((e) => [e.code, e.message])).toEqual([
      [ConfigCodes.UNKNOWN_NEED, 'job "a" needs unknown job "zz"'],
      [ConfigCodes.UNKNOWN_NEED, 'job "a" needs (any of) unknown job "yy"'],
    ]);
  });
});
