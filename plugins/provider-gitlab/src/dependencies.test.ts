import { create } from "@bufbuild/protobuf";
import { ArtifactInputSchema } from "@cigen/protocol";
import { job } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { planDependencies } from "./dependencies";
import { stageLevels, stageList } from "./stages";

const art = (from: string) =>
  create(ArtifactInputSchema, { fromJob: from, artifact: { path: `${from}/`, name: `${from}-0` } });

describe("planDependencies", () => {
  it("marks artifacts: true exactly for needs that provide artifact inputs", () => {
    const plan = planDependencies([job("a"), job("b"), job("c", { needs: ["a", "b"], artifactInputs: [art("a")] })]);
    expect(plan.needs.get("c")).toEqual([
      { job: "a", artifacts: true },
      { job: "b", artifacts: false },
    ]);
    expect(plan.gates.size).toBe(0);
  });

  it("adds a transitive AND ancestor that provides artifacts to needs", () => {
    const plan = planDependencies([
      job("a"),
      job("b", { needs: ["a"] }),
      job("c", { needs: ["b"], artifactInputs: [art("a")] }),
    ]);
    expect(plan.needs.get("c")).toEqual([
      { job: "b", artifacts: false },
      { job: "a", artifacts: true },
    ]);
  });

  it("emulates needs_any with a gate job and routes OR-side artifacts through it", () => {
    const plan = planDependencies([
      job("x"),
      job("a", { needs: ["x"] }),
      job("b"),
      job("c", { needsAny: ["a", "b"], artifactInputs: [art("x")] }),
    ]);
    expect(plan.gates.get("c")).toEqual({ id: "c-needs-any", consumer: "c", anyOf: ["a", "b"], reexports: [art("x")] });
    expect(plan.needs.get("c-needs-any")).toEqual([
      { job: "a", artifacts: true, optional: true },
      { job: "b", artifacts: true, optional: true },
      { job: "x", artifacts: true, optional: true },
    ]);
    expect(plan.needs.get("c")).toEqual([{ job: "c-needs-any", artifacts: true }]);
    expect([...plan.markerJobs]).toEqual(["a", "b"]);
  });

  it("takes artifacts behind an ancestor's OR through that ancestor's gate", () => {
    const plan = planDependencies([
      job("a"),
      job("b"),
      job("k", { needsAny: ["a", "b"] }),
      job("j", { needs: ["k"], artifactInputs: [art("a")] }),
    ]);
    expect(plan.needs.get("j")).toEqual([
      { job: "k", artifacts: false },
      { job: "k-needs-any", artifacts: true },
    ]);
    expect(plan.gates.get("k")?.reexports).toEqual([art("a")]);
  });
});

describe("stages", () => {
  it("puts each job one level below its deepest need", () => {
    const plan = planDependencies([job("a"), job("b", { needs: ["a"] }), job("c", { needsAny: ["a", "b"] })]);
    const levels = stageLevels(plan.needs);
    expect(Object.fromEntries(levels)).toEqual({ a: 1, b: 2, c: 4, "c-needs-any": 3 });
    expect(stageList(levels)).toEqual(["stage-1", "stage-2", "stage-3", "stage-4"]);
  });
});
