import { describe, expect, it } from "vitest";
import { load } from "../../test-fixtures/config/load";
import { ConfigCodes } from "./codes";

const diagnostics = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("schema errors as diagnostics", () => {
  it("reports an unknown key with did-you-mean from the allowed keys", () => {
    const [d] = diagnostics("jobs:\n  test:\n    stpes: []\n    steps: [{run: x}]\n");
    expect(d).toMatchObject({
      code: ConfigCodes.UNKNOWN_KEY,
      line: 3,
      column: 5,
      message: 'unknown key "stpes" in job "test"',
    });
    expect(d.hint).toMatch(/^did you mean "steps"\? Allowed keys: needs, needs_any, matrix, /);
  });

  it("reports one diagnostic for a mistyped required key (not also 'missing')", () => {
    expect(diagnostics("jobs:\n  test:\n    stpes: [{run: x}]\n").map((d) => d.message)).toEqual([
      'unknown key "stpes" in job "test"',
    ]);
  });

  it("reports wrong types as expected vs got, at the value", () => {
    expect(diagnostics("jobs:\n  test:\n    timeout: soon\n    steps: [{run: x}]\n")).toEqual([
      {
        code: ConfigCodes.WRONG_TYPE,
        line: 3,
        column: 14,
        message: '"timeout" in job "test" must be an integer, got a string',
        hint: undefined,
      },
    ]);
    expect(diagnostics("jobs:\n  test:\n    needs: 3\n    steps: [{run: x}]\n")[0].message).toBe(
      '"needs" in job "test" must be a string or a list, got an integer',
    );
  });

  it("collapses the step oneOf into one readable message", () => {
    const [none] = diagnostics("jobs:\n  t:\n    steps:\n      - name: nothing\n");
    expect(none).toMatchObject({ code: ConfigCodes.MISSING_KEY, line: 4, column: 9 });
    expect(none.message).toBe('step 1 of job "t" needs one of: run, uses, restore_cache, save_cache, command');
    const [two] = diagnostics("jobs:\n  t:\n    steps:\n      - {run: x, uses: y}\n");
    expect(two.message).toBe('step 1 of job "t" has "run" and "uses": a step does exactly one thing');
  });

  it("reports enum values with a suggestion", () => {
    const [d] = diagnostics("jobs:\n  t:\n    steps:\n      - {run: x, if: allways}\n");
    expect(d).toMatchObject({ code: ConfigCodes.INVALID_VALUE, line: 4, column: 22 });
    expect(d.message).toBe('"if" in step 1 of job "t" must be one of "success", "failure", "always", got "allways"');
    expect(d.hint).toMatch(/^did you mean "always"\?/);
  });

  it("reports job ids that break the pattern at the key", () => {
    expect(diagnostics("jobs:\n  1bad:\n    steps: [{run: x}]\n")).toEqual([
      {
        code: ConfigCodes.INVALID_NAME,
        line: 2,
        column: 3,
        message: 'job id "1bad" must start with a letter or _ and contain only letters, digits, _ and -',
        hint: undefined,
      },
    ]);
  });

  it("reports a missing jobs key and an empty jobs map", () => {
    expect(diagnostics("project: {name: x}\n")[0]).toMatchObject({
      code: ConfigCodes.MISSING_KEY,
      message: 'missing key "jobs" in the top level',
    });
    expect(diagnostics("jobs: {}\n")[0]).toMatchObject({
      code: ConfigCodes.INVALID_VALUE,
      message: '"jobs" must have at least 1 entry',
    });
  });

  it("checks the trigger forms", () => {
    expect(diagnostics("jobs:\n  t:\n    trigger: later\n    steps: [{run: x}]\n")[0].message).toBe(
      '"trigger" in job "t" must be "manual", got "later"',
    );
    expect(diagnostics("jobs:\n  t:\n    trigger: {schedule: x}\n    steps: [{run: x}]\n")[0].hint).toMatch(
      /did you mean "scheduled"/,
    );
  });
});
