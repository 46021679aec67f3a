import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkCron", () => {
  it("checks workflow schedules and job schedules", () => {
    const text =
      "workflows: {nightly: {triggers: {schedule: ['30 2 * * *', '30 25 * * *']}}}\njobs:\n  a: {trigger: {scheduled: {cron: '* * *'}}, steps: [{run: x}]}\n";
    expect(errors(text).map((e) => [e.code, e.line, e.column, e.message])).toEqual([
      [
        ConfigCodes.INVALID_CRON,
        1,
        59,
        'workflow "nightly": cron "30 25 * * *" has an invalid hour field "25" (allowed 0-23)',
      ],
      [
        ConfigCodes.INVALID_CRON,
        3,
        35,
        'job "a": cron "* * *" has 3 fields, expected 5 (minute hour day-of-month month day-of-week)',
      ],
    ]);
  });
});
