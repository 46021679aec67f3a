import { create } from "@bufbuild/protobuf";
import { WorkflowSchema } from "@cigen/protocol";
import { job, modelOf } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { renderCond } from "./condition";
import { jobFilterCondition, modelSchedules, workflowCondition, workflowRules } from "./triggers";

const wf = (triggers: object) => create(WorkflowSchema, { id: "w", triggers });

describe("workflowCondition", () => {
  it("maps push branches and tags, merge requests, schedules and manual runs", () => {
    const cond = workflowCondition(
      wf({
        push: { branches: ["main"], tags: ["v*"] },
        pullRequest: { branches: ["main"] },
        schedules: ["0 1 * * *"],
        manual: true,
      }),
    );
    expect(renderCond(cond)).toBe(
      [
        '($CI_PIPELINE_SOURCE == "push" && ($CI_COMMIT_BRANCH =~ /^main$/ || $CI_COMMIT_TAG =~ /^v[^\\/]*$/))',
        '($CI_PIPELINE_SOURCE == "merge_request_event" && $CI_MERGE_REQUEST_TARGET_BRANCH_NAME =~ /^main$/)',
        '($CI_PIPELINE_SOURCE == "schedule" && $CIGEN_SCHEDULE == "0 1 * * *")',
        '$CI_PIPELINE_SOURCE == "web"',
      ].join(" || "),
    );
  });

  it("treats a push without filters as every push and tag-only push as tags only", () => {
    expect(renderCond(workflowCondition(wf({ push: {} })))).toBe('$CI_PIPELINE_SOURCE == "push"');
    expect(renderCond(workflowCondition(wf({ push: { tags: ["v*"] } })))).toBe(
      '$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_TAG =~ /^v[^\\/]*$/',
    );
  });

  it("creates no pipeline for a workflow without triggers", () => {
    expect(workflowRules(modelOf([], { workflows: [{ id: "w" }] }))).toEqual([{ when: "never" }]);
  });
});

describe("jobFilterCondition", () => {
  it("matches branches in branch and merge request pipelines, and tags", () => {
    const cond = jobFilterCondition(job("j", { trigger: { branches: ["main"], tags: ["v*"] } }));
    expect(renderCond(cond)).toBe(
      "$CI_COMMIT_BRANCH =~ /^main$/ || $CI_MERGE_REQUEST_SOURCE_BRANCH_NAME =~ /^main$/ || $CI_COMMIT_TAG =~ /^v[^\\/]*$/",
    );
  });

  it("limits a scheduled job to its own schedule", () => {
    expect(renderCond(jobFilterCondition(job("j", { trigger: { cron: "0 3 * * 1" } })))).toBe(
      '$CI_PIPELINE_SOURCE == "schedule" && $CIGEN_SCHEDULE == "0 3 * * 1"',
    );
    expect(jobFilterCondition(job("j")).kind).toBe("true");
  });

  it("lists every schedule once, sorted", () => {
    const m = modelOf([job("a", { trigger: { cron: "5 * * * *" } })], {
      workflows: [{ id: "ci", triggers: { schedules: ["5 * * * *", "0 1 * * *"] } }],
    });
    expect(modelSchedules(m)).toEqual(["0 1 * * *", "5 * * * *"]);
  });
});
