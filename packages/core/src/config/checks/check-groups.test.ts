import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkGroups", () => {
  it("reports unknown @groups in source_files and skip_if", () => {
    const text =
      "source_file_groups: {app: ['app/**']}\njobs:\n  t:\n    source_files: ['@app', '!@ap']\n    skip_if: {paths_unmodified: ['@zzz']}\n    steps: [{run: x}]\n";
    expect(errors(text)).toEqual([
      {
        code: ConfigCodes.UNKNOWN_GROUP,
        line: 4,
        column: 28,
        message: 'job "t" references unknown source file group "@ap"',
        hint: 'did you mean "app"? Known groups: app',
      },
      {
        code: ConfigCodes.UNKNOWN_GROUP,
        line: 5,
        column: 34,
        message: 'job "t" references unknown source file group "@zzz"',
        hint: "Known groups: app",
      },
    ]);
  });
});
