import { create } from "@bufbuild/protobuf";
import { TriggersSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { workflowTriggers } from "./triggers";

describe("workflowTriggers", () => {
  it("writes push branches and tags, pull requests, schedules and manual runs", () => {
    const on = workflowTriggers(
      create(TriggersSchema, {
        push: { branches: ["main"], tags: ["v*"] },
        pullRequest: { branches: ["main"] },
        schedules: ["0 1 * * *", "0 2 * * *", "0 1 * * *"],
        manual: true,
      }),
    );
    expect(on).toEqual({
      push: { branches: ["main"], tags: ["v*"] },
      pull_request: { branches: ["main"] },
      schedule: [{ cron: "0 1 * * *" }, { cron: "0 2 * * *" }],
      workflow_dispatch: {},
    });
    expect(Object.keys(on)).toEqual(["push", "pull_request", "schedule", "workflow_dispatch"]);
  });

  it("leaves out events the workflow does not use", () => {
    expect(workflowTriggers(create(TriggersSchema, { pullRequest: {} }))).toEqual({ pull_request: {} });
    expect(workflowTriggers(create(TriggersSchema, { push: { tags: ["v*"] } }))).toEqual({ push: { tags: ["v*"] } });
    expect(workflowTriggers(undefined)).toEqual({});
  });
});
