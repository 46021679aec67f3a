import { job, modelOf } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { renderCond } from "./condition";
import { presenceConditions } from "./presence";

describe("presenceConditions", () => {
  it("is unconditional with one workflow and no filters", () => {
    const p = presenceConditions(modelOf([job("a"), job("b", { needs: ["a"] })]));
    expect(p.get("b")?.kind).toBe("true");
  });

  it("inherits the filters of all needs and any of needs_any", () => {
    const p = presenceConditions(
      modelOf([
        job("main-only", { trigger: { branches: ["main"] } }),
        job("tags-only", { trigger: { tags: ["v*"] } }),
        job("after", { needs: ["main-only"] }),
        job("either", { needsAny: ["main-only", "tags-only"] }),
      ]),
    );
    const main = "$CI_COMMIT_BRANCH =~ /^main$/ || $CI_MERGE_REQUEST_SOURCE_BRANCH_NAME =~ /^main$/";
    expect(renderCond(p.get("after")!)).toBe(main);
    expect(renderCond(p.get("either")!)).toBe(`${main} || $CI_COMMIT_TAG =~ /^v[^\\/]*$/`);
  });

  it("adds the workflow's condition when there are several workflows", () => {
    const p = presenceConditions(
      modelOf([job("a"), job("n", { workflow: "nightly" })], {
        workflows: [
          { id: "ci", triggers: { push: {} } },
          { id: "nightly", triggers: { schedules: ["0 1 * * *"] } },
        ],
      }),
    );
    expect(renderCond(p.get("a")!)).toBe('$CI_PIPELINE_SOURCE == "push"');
    expect(renderCond(p.get("n")!)).toBe('$CI_PIPELINE_SOURCE == "schedule" && $CIGEN_SCHEDULE == "0 1 * * *"');
  });
});
