import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkCaches", () => {
  it("accepts built-in and defined caches; reports the rest", () => {
    const text =
      "caches: {gems: {key: k, paths: [p]}}\njobs:\n  t: {cache: [node, gems, gem], steps: [{run: x}]}\n  u: {cache: pip, steps: [{run: x}]}\n";
    expect(errors(text).map((e) => [e.code, e.line, e.column, e.message, e.hint])).toEqual([
      [
        ConfigCodes.UNKNOWN_CACHE,
        3,
        27,
        'job "t" uses unknown cache "gem"',
        'did you mean "gems"? Known caches: go, node, python, ruby, rust, gems',
      ],
      [
        ConfigCodes.UNKNOWN_CACHE,
        4,
        14,
        'job "u" uses unknown cache "pip"',
        "Known caches: go, node, python, ruby, rust, gems",
      ],
    ]);
  });
});
