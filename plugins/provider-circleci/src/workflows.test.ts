import type { Diagnostic } from "@cigen/protocol";
import { job, model } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { renderFilters } from "./dependencies";
import { pipelineParameters, workflowOccasions } from "./triggers";
import { translateWorkflows } from "./workflows";

const noReport = (_: Diagnostic) => {};

describe("workflow triggers", () => {
  it("leaves the default workflow unconditional", () => {
    const m = model();
    expect(workflowOccasions(m, m.workflows[0], noReport)).toEqual([
      { name: "ci", when: undefined, jobRefs: { branches: { kind: "all" }, tags: { kind: "none" } } },
    ]);
    expect(pipelineParameters(m)).toBeUndefined();
  });

  it("splits schedules into their own workflows and gates pushes and manual runs", () => {
    const m = model({
      workflows: [{ id: "rel", triggers: { push: { tags: ["v*"] }, manual: true, schedules: ["0 1 * * *"] } }],
    });
    const [push, nightly] = workflowOccasions(m, m.workflows[0], noReport);
    expect(push.when).toEqual({
      and: [
        { not: { equal: ["scheduled_pipeline", "<< pipeline.trigger_source >>"] } },
        {
          or: [
            {
              and: [
                { equal: ["", "<< pipeline.parameters.cigen-workflow >>"] },
                { matches: { pattern: "^(?:v[^/]*)$", value: "<< pipeline.git.tag >>" } },
              ],
            },
            { equal: ["rel", "<< pipeline.parameters.cigen-workflow >>"] },
          ],
        },
      ],
    });
    expect(nightly).toMatchObject({ name: "rel-schedule-1", cron: "0 1 * * *", schedule: "rel-schedule-1" });
    expect(Object.keys(pipelineParameters(m) ?? {})).toEqual(["cigen-workflow"]);
  });

  it("warns that pull request base branches cannot be filtered", () => {
    const codes: string[] = [];
    const m = model({ workflows: [{ id: "ci", triggers: { pullRequest: { branches: ["main"] } } }] });
    workflowOccasions(m, m.workflows[0], (d) => codes.push(d.code));
    expect(codes).toEqual(["CIRCLECI-010"]);
  });
});

describe("workflow jobs", () => {
  it("writes requires, approvals and narrowed filters", () => {
    const m = model({
      jobs: [
        job("a", { trigger: { branches: ["main"] } }),
        job("b", { trigger: { branches: ["dev"] } }),
        job("c", { needsAny: ["a", "b"], trigger: { manual: true } }),
        job("d", { needs: ["a"] }),
      ],
    });
    const { workflows } = translateWorkflows(m, noReport);
    const main = { branches: { only: "/^(?:main)$/" } };
    expect(workflows).toEqual({
      ci: {
        jobs: [
          { a: { filters: main } },
          { b: { filters: { branches: { only: "/^(?:dev)$/" } } } },
          {
            "approve-c": {
              type: "approval",
              requires: ["a", "b"],
              filters: { branches: { only: "/^(?:main|dev)$/" } },
            },
          },
          { c: { requires: ["a", "b", "approve-c"], filters: { branches: { only: "/^(?:main|dev)$/" } } } },
          { d: { requires: ["a"], filters: main } },
        ],
      },
    });
  });

  it("runs scheduled-only jobs and their dependants in their schedule's workflow only", () => {
    const m = model({
      workflows: [{ id: "ci", triggers: { push: { branches: ["**"] }, schedules: ["0 4 * * *"] } }],
      jobs: [job("a"), job("s", { trigger: { cron: "0 4 * * *" } }), job("t", { needs: ["s"] })],
    });
    const { workflows, schedules } = translateWorkflows(m, noReport);
    expect((workflows.ci as { jobs: unknown }).jobs).toEqual(["a"]);
    expect((workflows["ci-schedule-1"] as { jobs: unknown }).jobs).toEqual(["a", "s", { t: { requires: ["s"] } }]);
    expect(schedules).toEqual([{ name: "ci-schedule-1", cron: "0 4 * * *" }]);
  });

  it("opts tags in explicitly and ignores branches for tag-only jobs", () => {
    expect(renderFilters({ branches: { kind: "none" }, tags: { kind: "all" } })).toEqual({
      branches: { ignore: "/.*/" },
      tags: { only: "/.*/" },
    });
    expect(renderFilters({ branches: { kind: "all" }, tags: { kind: "none" } })).toBeUndefined();
  });
});
