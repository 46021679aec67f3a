import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkCycles", () => {
  it("prints the cycle", () => {
    const text =
      "jobs:\n  a: {needs: [c], steps: [{run: x}]}\n  b: {needs: [a], steps: [{run: x}]}\n  c: {needs_any: [b], steps: [{run: x}]}\n";
    expect(errors(text)).toEqual([
      {
        code: ConfigCodes.DEPENDENCY_CYCLE,
        line: 2,
        column: 15,
        message: "dependency cycle: a -> c -> b -> a",
        hint: "remove one of these needs so the jobs can be ordered",
      },
    ]);
  });
  it("reports a job needing itself", () => {
    expect(errors("jobs:\n  a: {needs: a, steps: [{run: x}]}\n")[0].message).toBe("dependency cycle: a -> a");
  });
  it("handles a 20,000-job chain without recursion", () => {
    const jobs = Array.from({ length: 20_000 }, (_, i) => `  j${i}: {needs: [j${i + 1}], steps: [{run: x}]}`);
    jobs.push("  j20000: {needs: [j0], steps: [{run: x}]}");
    const [d] = errors(`jobs:\n${jobs.join("\n")}\n`);
    expect(d.code).toBe(ConfigCodes.DEPENDENCY_CYCLE);
  });
});
