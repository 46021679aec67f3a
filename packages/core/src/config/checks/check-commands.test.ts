import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

const commands =
  "commands:\n  setup:\n    parameters: {version: {}, jobs: {default: 2}}\n    steps: [{run: 'x {{ params.version }}'}]\n";

describe("checkCommands", () => {
  it("reports unknown commands, unknown and missing parameters", () => {
    const text = `${commands}jobs:\n  t:\n    steps:\n      - command: setpu\n      - command: setup\n        with: {verison: 1}\n`;
    expect(errors(text).map((e) => [e.code, e.line, e.column, e.message, e.hint])).toEqual([
      [ConfigCodes.UNKNOWN_COMMAND, 8, 18, 'unknown command "setpu"', 'did you mean "setup"? Known commands: setup'],
      [
        ConfigCodes.MISSING_COMMAND_PARAMETER,
        9,
        18,
        'command "setup" needs parameter "version"',
        'pass it under "with:", or give the parameter a default',
      ],
      [
        ConfigCodes.UNKNOWN_COMMAND_PARAMETER,
        10,
        16,
        'command "setup" has no parameter "verison"',
        'did you mean "version"? Its parameters: version, jobs',
      ],
    ]);
  });
  it("reports commands calling each other in a loop", () => {
    const text =
      "commands:\n  a: {steps: [{command: b}]}\n  b: {steps: [{command: a}]}\njobs:\n  t: {steps: [{command: a}]}\n";
    expect(errors(text)).toMatchObject([
      {
        code: ConfigCodes.COMMAND_RECURSION,
        line: 2,
        column: 25,
        message: "commands call each other in a loop: a -> b -> a",
      },
    ]);
  });
});
