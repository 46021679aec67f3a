import { describe, expect, it } from "vitest";
import { parseDurationHours } from "./parse-duration";

describe("parseDurationHours", () => {
  it("reads hours, days, weeks and rounds minutes up", () => {
    expect(parseDurationHours("12h")).toBe(12);
    expect(parseDurationHours("7d")).toBe(168);
    expect(parseDurationHours("2w")).toBe(336);
    expect(parseDurationHours("90m")).toBe(2);
  });
  it("refuses numbers without unit and garbage", () => {
    expect(parseDurationHours(7)).toBeUndefined();
    expect(parseDurationHours("7 days")).toBeUndefined();
    expect(parseDurationHours("0d")).toBeUndefined();
  });
});
