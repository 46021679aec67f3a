import { describe, expect, it } from "vitest";
import { cronProblem } from "./cron";

describe("cronProblem", () => {
  it.each(["30 2 * * *", "*/15 0-6 1,15 JAN-MAR mon-fri", "0 0 * * 7"])("accepts %s", (cron) => {
    expect(cronProblem(cron)).toBeUndefined();
  });
  it("rejects a wrong field count and out-of-range values", () => {
    expect(cronProblem("* * * *")).toBe("has 4 fields, expected 5 (minute hour day-of-month month day-of-week)");
    expect(cronProblem("60 * * * *")).toBe('has an invalid minute field "60" (allowed 0-59)');
    expect(cronProblem("0 0 0 * *")).toBe('has an invalid day of month field "0" (allowed 1-31)');
    expect(cronProblem("0 0 * * */0")).toMatch(/day of week/);
  });
});
