import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkProjectType", () => {
  it("warns that turborepo is not implemented yet", () => {
    const result = load("project: {type: turborepo}\njobs: {a: {steps: [{run: x}]}}\n");
    expect(result.config).toBeDefined();
    expect(result.diagnostics).toMatchObject([
      { severity: "warning", code: ConfigCodes.TURBOREPO_NOT_YET, line: 1, column: 17 },
    ]);
    expect(errors("project: {type: default}\njobs: {a: {steps: [{run: x}]}}\n")).toEqual([]);
  });
});
