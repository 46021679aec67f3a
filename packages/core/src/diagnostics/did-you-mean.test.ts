import { describe, expect, it } from "vitest";
import { didYouMean, suggestionHint } from "./did-you-mean";

describe("didYouMean", () => {
  it("finds transpositions and small typos", () => {
    expect(didYouMean("stpes", ["steps", "needs"])).toBe("steps");
    expect(didYouMean("biuld", ["build", "lint", "deploy"])).toBe("build");
  });
  it("suggests nothing unrelated", () => {
    expect(didYouMean("zzz", ["build", "lint"])).toBeUndefined();
  });
  it("formats the hint like the CLI contract", () => {
    expect(suggestionHint("biuld", ["build", "lint", "deploy"], "Known jobs")).toBe(
      'did you mean "build"? Known jobs: build, lint, deploy',
    );
  });
});
