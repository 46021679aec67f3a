import { describe, expect, it } from "vitest";
import { ALL, anchored, complement, intersect, NONE, refsFromGlobs, union } from "./refs";

describe("ref sets", () => {
  it("turns globs into one anchored regex, ** matching everything", () => {
    expect(refsFromGlobs(["main", "release/*"])).toEqual({ kind: "regex", body: "main|release\\/[^/]*" });
    expect(refsFromGlobs(["**"])).toEqual(ALL);
    expect(refsFromGlobs([])).toEqual(NONE);
  });

  it("applies ! patterns in order", () => {
    const set = refsFromGlobs(["**", "!wip/**"]);
    expect(set).toEqual({ kind: "regex", body: "(?!(?:wip\\/.*)$).*" });
    const re = new RegExp(anchored(set as { body: string }));
    expect(re.test("main")).toBe(true);
    expect(re.test("wip/x")).toBe(false);
  });

  it("intersects with a lookahead and unions with alternation", () => {
    const a = refsFromGlobs(["release/*"]);
    const b = refsFromGlobs(["*/1.*"]);
    const both = new RegExp(anchored(intersect(a, b) as { body: string }));
    expect(both.test("release/1.2")).toBe(true);
    expect(both.test("release/2.0")).toBe(false);
    expect(union(a, NONE)).toEqual(a);
    expect(intersect(a, ALL)).toEqual(a);
    expect(union(a, ALL)).toEqual(ALL);
    expect(complement(ALL)).toEqual(NONE);
  });
});
