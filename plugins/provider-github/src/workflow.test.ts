import { describe, expect, it } from "vitest";
import { CROSS_WORKFLOW_NEEDS, INVALID_PROVIDER_CONFIG, UNKNOWN_WORKFLOW, WORKFLOW_WITHOUT_TRIGGERS } from "./codes";
import { job, model } from "./test-models";
import { workflowDocuments } from "./workflow";

describe("workflowDocuments", () => {
  it("writes name, on, least-privilege permissions and the workflow's jobs", () => {
    const { documents, diagnostics } = workflowDocuments(model({ jobs: [job("a")] }));
    expect(diagnostics).toEqual([]);
    expect(documents).toHaveLength(1);
    expect(documents[0].id).toBe("ci");
    expect(documents[0].doc).toEqual({
      name: "ci",
      on: { push: { branches: ["**"] }, pull_request: {} },
      permissions: { contents: "read" },
      jobs: { a: expect.any(Object) },
    });
  });

  it("writes no document for a workflow without jobs", () => {
    const m = model({
      workflows: [
        { id: "ci", triggers: { pullRequest: {} } },
        { id: "nightly", triggers: { schedules: ["0 0 * * *"] } },
      ],
      jobs: [job("a")],
    });
    expect(workflowDocuments(m).documents.map((d) => d.id)).toEqual(["ci"]);
  });

  it("merges top-level provider_config last, keeping jobs at the end", () => {
    const providerConfigJson = JSON.stringify({ permissions: { contents: "write" }, concurrency: { group: "g" } });
    const { doc } = workflowDocuments(model({ jobs: [job("a")], providerConfigJson })).documents[0];
    expect(doc.permissions).toEqual({ contents: "write" });
    expect(Object.keys(doc)).toEqual(["name", "on", "permissions", "concurrency", "jobs"]);
  });

  it("reports what GitHub cannot express", () => {
    const m = model({
      workflows: [
        { id: "ci", triggers: { pullRequest: {} } },
        { id: "release", triggers: {} },
      ],
      providerConfigJson: "not json",
      jobs: [job("a"), job("b", { workflow: "release", needs: ["a"] }), job("c", { workflow: "gone" })],
    });
    const codes = workflowDocuments(m).diagnostics.map((d) => d.code);
    expect(codes).toEqual([INVALID_PROVIDER_CONFIG, UNKNOWN_WORKFLOW, CROSS_WORKFLOW_NEEDS, WORKFLOW_WITHOUT_TRIGGERS]);
  });
});
