import { create } from "@bufbuild/protobuf";
import { WorkflowSchema } from "@cigen/protocol";
import { job, modelOf } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { dependencyWhen, levels, markedJobs, markerName } from "./dependencies";
import { jobFilterWhen, pipelineTriggers, workflowWhen } from "./triggers";
import { allOf, anyOf, cond, not, renderWhen, whenEntries } from "./when";

const wf = (triggers: object) => create(WorkflowSchema, { id: "w", triggers });

describe("when", () => {
  it("simplifies and renders nested blocks", () => {
    const a = cond("branch 'a'");
    expect(allOf(a, allOf())).toEqual(a);
    expect(anyOf(a, not(allOf())).kind).toBe("atom");
    expect(renderWhen(anyOf(a, not(cond("tag 'v*'"))))).toEqual([
      "anyOf {",
      "  branch 'a'",
      "  not {",
      "    tag 'v*'",
      "  }",
      "}",
    ]);
    expect(whenEntries(allOf(a, cond("x")))).toEqual(["branch 'a'", "x"]);
  });
});

describe("workflowWhen", () => {
  it("maps push refs, change requests, timer and user builds", () => {
    const w = workflowWhen(
      wf({
        push: { branches: ["main", "!main-old"], tags: ["v*"] },
        pullRequest: {},
        schedules: ["0 1 * * *"],
        manual: true,
      }),
    );
    expect(renderWhen(w).join("\n")).toBe(
      [
        "anyOf {",
        "  allOf {",
        "    not {",
        "      changeRequest()",
        "    }",
        "    not {",
        "      triggeredBy 'TimerTrigger'",
        "    }",
        "    not {",
        "      triggeredBy cause: 'UserIdCause'",
        "    }",
        "    anyOf {",
        "      allOf {",
        "        not {",
        "          buildingTag()",
        "        }",
        "        branch 'main'",
        "        not {",
        "          branch 'main-old'",
        "        }",
        "      }",
        "      tag 'v*'",
        "    }",
        "  }",
        "  changeRequest()",
        "  triggeredBy 'TimerTrigger'",
        "  triggeredBy cause: 'UserIdCause'",
        "}",
      ].join("\n"),
    );
  });

  it("filters change requests by target branch", () => {
    expect(renderWhen(workflowWhen(wf({ pullRequest: { branches: ["main"] } })))).toEqual([
      "changeRequest target: 'main', comparator: 'GLOB'",
    ]);
  });
});

describe("job triggers", () => {
  it("matches the job's branches in branch and change request builds, its tags, and its schedule", () => {
    const w = jobFilterWhen(job("j", { trigger: { branches: ["main"], tags: ["v*"], cron: "0 1 * * *" } }));
    expect(whenEntries(w)).toEqual([
      ...renderWhen(
        anyOf(
          allOf(not(cond("buildingTag()")), cond("branch 'main'")),
          cond("changeRequest branch: 'main', comparator: 'GLOB'"),
          cond("tag 'v*'"),
        ),
      ),
      "triggeredBy 'TimerTrigger'",
    ]);
  });

  it("puts every schedule in one cron trigger", () => {
    const m = modelOf([job("a", { trigger: { cron: "5 * * * *" } })], {
      workflows: [{ id: "ci", triggers: { schedules: ["0 1 * * *"] } }],
    });
    expect(pipelineTriggers(m)).toEqual(["cron('0 1 * * *\\n5 * * * *')"]);
  });
});

describe("dependencies", () => {
  const jobs = [job("a"), job("b"), job("c", { needs: ["a"], needsAny: ["a", "b"] }), job("d", { needs: ["c"] })];

  it("groups jobs by DAG depth", () => {
    expect(levels(jobs).map((g) => g.map((j) => j.id))).toEqual([["a", "b"], ["c"], ["d"]]);
  });

  it("runs a job only when all needs and one of needs_any succeeded", () => {
    const known = new Set(jobs.map((j) => j.id));
    expect(whenEntries(dependencyWhen(jobs[2], known))).toEqual([
      "environment name: 'CIGEN_OK_a', value: 'true'",
      "anyOf {",
      "  environment name: 'CIGEN_OK_a', value: 'true'",
      "  environment name: 'CIGEN_OK_b', value: 'true'",
      "}",
    ]);
    expect([...markedJobs(jobs)].sort()).toEqual(["a", "b", "c"]);
    expect(markerName("build-20")).toBe("CIGEN_OK_build_20");
  });
});
