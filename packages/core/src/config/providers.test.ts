import { describe, expect, it } from "vitest";
import { loadOk } from "../../test-fixtures/config/load";
import { outputPathFor, selectedProviders } from "./providers";

const jobs = "jobs: {a: {steps: [{run: x}]}}\n";

describe("selectedProviders / outputPathFor", () => {
  it("defaults to github", () => {
    expect(selectedProviders(loadOk(jobs))).toEqual(["github"]);
  });
  it("uses providers when given", () => {
    expect(selectedProviders(loadOk(`providers: [gitlab, circleci, gitlab]\n${jobs}`))).toEqual(["gitlab", "circleci"]);
  });
  it("falls back to the providers of outputs", () => {
    const config = loadOk(
      `outputs: [{provider: buildkite, path: .buildkite/p.yml}, {provider: gitlab, path: ci.yml}]\n${jobs}`,
    );
    expect(selectedProviders(config)).toEqual(["buildkite", "gitlab"]);
    expect(outputPathFor(config, "gitlab")).toBe("ci.yml");
    expect(outputPathFor(config, "github")).toBeUndefined();
  });
});
