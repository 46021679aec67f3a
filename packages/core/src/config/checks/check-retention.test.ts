import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkRetention", () => {
  it("refuses retentions that are not durations", () => {
    const text =
      "jobs:\n  a:\n    artifacts: [{path: a, retention: 7d}, {path: b, retention: 7}, {path: c, retention: soon}]\n    steps: [{run: x}]\n";
    expect(errors(text).map((e) => [e.code, e.line, e.column, e.message, e.hint])).toEqual([
      [
        ConfigCodes.INVALID_DURATION,
        3,
        64,
        'job "a": artifact retention 7 is not a duration',
        'add a unit: "7d" for days or "7h" for hours',
      ],
      [
        ConfigCodes.INVALID_DURATION,
        3,
        89,
        'job "a": artifact retention "soon" is not a duration',
        'write a whole number with a unit: "12h", "7d" or "2w"',
      ],
    ]);
  });
});
