import { describe, expect, it } from "vitest";
import { renderCond } from "./condition";
import { globToRegex, refMatch } from "./ref-filter";

describe("globToRegex", () => {
  it("keeps * within a segment, lets ** cross slashes and escapes regex characters", () => {
    expect(globToRegex("release/*")).toBe("release\\/[^\\/]*");
    expect(globToRegex("feature/**")).toBe("feature\\/.*");
    expect(globToRegex("v1.2?")).toBe("v1\\.2[^\\/]");
    expect(globToRegex("a+(b)")).toBe("a\\+\\(b\\)");
  });
});

describe("refMatch", () => {
  it("joins plain globs into one alternation", () => {
    expect(renderCond(refMatch("$CI_COMMIT_BRANCH", ["main", "release/*"]))).toBe(
      "$CI_COMMIT_BRANCH =~ /^(?:main|release\\/[^\\/]*)$/",
    );
  });

  it("applies negations in order", () => {
    expect(renderCond(refMatch("$CI_COMMIT_TAG", ["v*", "!v0.*", "v0.9"]))).toBe(
      "($CI_COMMIT_TAG =~ /^v[^\\/]*$/ && $CI_COMMIT_TAG !~ /^v0\\.[^\\/]*$/) || $CI_COMMIT_TAG =~ /^v0\\.9$/",
    );
  });

  it("writes ** as a plain is-set test and an empty list as false", () => {
    expect(renderCond(refMatch("$CI_COMMIT_BRANCH", ["**"]))).toBe("$CI_COMMIT_BRANCH");
    expect(refMatch("$CI_COMMIT_BRANCH", []).kind).toBe("false");
  });
});
