import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkVariables", () => {
  it("refuses reserved names at the key", () => {
    expect(errors("variables: {ok: 1, matrix: 2}\njobs: {a: {steps: [{run: x}]}}\n")).toEqual([
      {
        code: ConfigCodes.RESERVED_VARIABLE,
        line: 1,
        column: 20,
        message: 'variable name "matrix" is reserved',
        hint: "rename it; reserved names: arch, checksum, env, git, matrix, os, params, secrets, variables",
      },
    ]);
  });
});
