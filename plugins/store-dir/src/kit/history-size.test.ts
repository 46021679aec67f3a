import { describe, expect, it } from "vitest";
import { HISTORY_CAP, historyLimit, newestCandidates } from "./history-size";

describe("history bounds", () => {
  it("defaults to the cap and never exceeds it", () => {
    expect(historyLimit(0)).toBe(HISTORY_CAP);
    expect(historyLimit(3)).toBe(3);
    expect(historyLimit(1000)).toBe(HISTORY_CAP);
  });

  it("reads the newest entries plus those tied with, or within the margin of, the last one", () => {
    const entries = [5, 1, 9, 9, 7, 3].map((time, i) => ({ time, i }));
    expect(newestCandidates(entries, 2).map((e) => e.time)).toEqual([9, 9]);
    expect(newestCandidates(entries, 3).map((e) => e.time)).toEqual([9, 9, 7]);
    expect(newestCandidates(entries, 3, 2).map((e) => e.time)).toEqual([9, 9, 7, 5]);
    expect(newestCandidates(entries, 10)).toHaveLength(6);
  });
});
