import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkWorkflows", () => {
  it("accepts ci and defined workflows; reports the rest", () => {
    const text =
      "workflows: {release: {triggers: {manual: true}}}\njobs:\n  a: {workflow: ci, steps: [{run: x}]}\n  b: {workflow: releas, steps: [{run: x}]}\n";
    expect(errors(text)).toEqual([
      {
        code: ConfigCodes.UNKNOWN_WORKFLOW,
        line: 4,
        column: 17,
        message: 'job "b" names unknown workflow "releas"',
        hint: 'did you mean "release"? Known workflows: release, ci',
      },
    ]);
  });
});
