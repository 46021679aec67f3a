import { create } from "@bufbuild/protobuf";
import {
  ArtifactInputSchema,
  ArtifactSchema,
  JobSchema,
  type Model,
  ModelSchema,
  WorkflowSchema,
} from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { pruneModel } from "./prune-model";

/** A model from `id: needs` lines; `consumes` lists artifact inputs (consumer -> producers). */
function model(
  needs: Record<string, string[]>,
  consumes: Record<string, string[]> = {},
  workflows?: Record<string, string>,
): Model {
  return create(ModelSchema, {
    workflows: [...new Set(Object.values(workflows ?? {}).concat("ci"))].map((id) => create(WorkflowSchema, { id })),
    jobs: Object.entries(needs).map(([id, upstream]) =>
      create(JobSchema, {
        id,
        needs: upstream,
        workflow: workflows?.[id] ?? "ci",
        artifactInputs: (consumes[id] ?? []).map((from) =>
          create(ArtifactInputSchema, {
            fromJob: from,
            artifact: create(ArtifactSchema, { path: "dist/", name: `${from}-1` }),
          }),
        ),
      }),
    ),
  });
}

const shape = (m: Model) => Object.fromEntries(m.jobs.map((j) => [j.id, j.needs]));

describe("pruneModel", () => {
  it("removes exactly the recorded jobs and drops dependants' needs on them", () => {
    const input = model({ build: [], test: ["build"], lint: [], deploy: ["test", "lint"] });
    const out = pruneModel(input, new Set(["build", "lint"]));
    expect(shape(out.model)).toEqual({ test: [], deploy: ["test"] });
    expect(out.removed).toEqual(["build", "lint"]);
    expect(out.restored).toEqual([]);
    expect(input.jobs).toHaveLength(4);
  });

  it("never removes a job because its upstream was removed", () => {
    const out = pruneModel(model({ a: [], b: ["a"], c: ["b"] }), new Set(["a"]));
    expect(shape(out.model)).toEqual({ b: [], c: ["b"] });
  });

  it("puts back a recorded producer whose artifacts a remaining job consumes, transitively", () => {
    const out = pruneModel(
      model({ gen: [], build: ["gen"], package: ["build"] }, { build: ["gen"], package: ["build", "gen"] }),
      new Set(["gen", "build"]),
    );
    expect(shape(out.model)).toEqual({ gen: [], build: ["gen"], package: ["build"] });
    expect(out.removed).toEqual([]);
    expect(out.restored).toEqual(["gen", "build"]);
  });

  it("puts back what a put-back producer itself consumes, until stable", () => {
    const out = pruneModel(model({ a: [], b: ["a"], c: ["b"] }, { b: ["a"], c: ["b"] }), new Set(["a", "b"]));
    expect(out.restored).toEqual(["a", "b"]);
  });

  it("keeps needs_any entries that remain, and drops workflows left without jobs", () => {
    const input = model({ x: [], y: [], z: [] }, {}, { x: "nightly", y: "ci", z: "ci" });
    input.jobs[2].needsAny = ["x", "y"];
    const out = pruneModel(input, new Set(["x"]));
    expect(out.model.jobs.map((j) => [j.id, j.needsAny])).toEqual([
      ["y", []],
      ["z", ["y"]],
    ]);
    expect(out.model.workflows.map((w) => w.id)).toEqual(["ci"]);
  });

  it("ignores recorded ids that are not in the model", () => {
    expect(pruneModel(model({ a: [] }), new Set(["ghost"])).removed).toEqual([]);
  });
});
