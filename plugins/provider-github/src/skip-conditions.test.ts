/**
 * Evaluates every generated `if:` of a skipping workflow with GitHub's expression library, over all
 * combinations of upstream results and plan outputs, against the rules of job-skipping.md written
 * out independently here.
 */
import { create } from "@bufbuild/protobuf";
import { GenerateRequestSchema, type Model } from "@cigen/protocol";
import { type JsonObject, NODE_FOR_CIGEN } from "@cigen/provider-kit";
import { FETCHED_FLAGS } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { holds } from "./expression-evaluator";
import { generateWorkflows } from "./generate";
import { skipFlags } from "./skip-context";
import { GATE_FAILS_WHEN } from "./skip-gate";
import { job, model, SKIP_FLAGS, skip, skipModel } from "./test-models";
import { workflowDocuments } from "./workflow";

type Result = "success" | "failure" | "cancelled" | "skipped";
const RESULTS: Result[] = ["success", "failure", "cancelled", "skipped"];
const REFS = ["refs/heads/main", "refs/heads/feature"];

function jobsOf(m: Model): Record<string, JsonObject> {
  const { documents, diagnostics } = workflowDocuments(m, {
    command: SKIP_FLAGS["skip.command"],
    install: SKIP_FLAGS["skip.install"],
  });
  expect(diagnostics).toEqual([]);
  return documents[0].doc.jobs as Record<string, JsonObject>;
}

/** Every assignment of `values` to `keys`. */
function* combinations<V>(keys: string[], values: readonly V[]): Generator<Record<string, V>> {
  if (keys.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = keys;
  for (const tail of combinations(rest, values)) for (const v of values) yield { [first]: v, ...tail };
}

/** The spec, for a model whose filters are `main`-only branches: when does a job belong to the run. */
function present(m: Model, id: string, ref: string): boolean {
  const j = m.jobs.find((x) => x.id === id)!;
  const own = (j.trigger?.branches ?? []).every((b) => ref === `refs/heads/${b}`);
  return own && j.needs.every((n) => present(m, n, ref));
}

function andAncestors(m: Model, id: string): string[] {
  const j = m.jobs.find((x) => x.id === id)!;
  return [...new Set(j.needs.flatMap((n) => [n, ...andAncestors(m, n)]))];
}

/** The spec: may job `id` run, given its upstreams' results and the plan? */
function shouldRun(m: Model, id: string, results: Record<string, Result>, plan: Record<string, string>, ref: string) {
  const j = m.jobs.find((x) => x.id === id)!;
  const skippable = (x: string) => Boolean(m.jobs.find((y) => y.id === x)?.skip);
  const done = (n: string) =>
    results[n] === "success" || (results[n] === "skipped" && skippable(n) && plan[n] === "skip" && present(m, n, ref));
  const ownFilter = (j.trigger?.branches ?? []).every((b) => ref === `refs/heads/${b}`);
  const farther = andAncestors(m, id).filter((x) => !j.needs.includes(x));
  return (
    (!j.skip || plan[id] !== "skip") &&
    ownFilter &&
    j.needs.every(done) &&
    farther.every((x) => results[x] !== "failure" && results[x] !== "cancelled")
  );
}

describe("the generated if: conditions, evaluated", () => {
  const m = skipModel();
  const jobs = jobsOf(m);
  const skippable = m.jobs.filter((j) => j.skip).map((j) => j.id);

  for (const j of m.jobs.filter((x) => x.id !== "solo")) {
    it(`${j.id}: runs exactly when the spec says, for every upstream result and plan`, () => {
      const doc = jobs[j.id];
      const upstream = (doc.needs as string[]).filter((n) => n !== "cigen-plan");
      let checked = 0;
      for (const ref of REFS) {
        for (const results of combinations(upstream, RESULTS)) {
          for (const plan of combinations(skippable, ["run", "skip"])) {
            const needs: JsonObject = { "cigen-plan": { result: "success", outputs: planOutputs(plan) } };
            for (const n of upstream) needs[n] = { result: results[n], outputs: {} };
            const runs = holds(doc.if as string, { needs, github: { ref, event_name: "push" } });
            expect(runs, `${j.id} ${ref} ${JSON.stringify(results)} ${JSON.stringify(plan)}`).toBe(
              shouldRun(m, j.id, results, plan, ref),
            );
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it("leaves a job outside every skipping chain exactly as without skipping", () => {
    expect(jobs.solo).toEqual({
      "runs-on": "ubuntu-latest",
      steps: [{ uses: "actions/checkout@v4" }, { run: "make test" }],
    });
  });

  it("lets a dependant run on its own plan although its upstream was skipped by the plan", () => {
    const needs = {
      "cigen-plan": { result: "success", outputs: planOutputs({ build: "skip", test: "run" }) },
      build: { result: "skipped" },
    };
    expect(holds(jobs.test.if as string, { needs, github: { ref: "refs/heads/x" } })).toBe(true);
  });

  it("runs every job when the planning job failed and said nothing (never skip on doubt)", () => {
    const needs = { "cigen-plan": { result: "failure", outputs: {} } };
    expect(holds(jobs.build.if as string, { needs, github: { ref: "refs/heads/x" } })).toBe(true);
  });
});

describe("a whole workflow run, simulated", () => {
  const m = skipModel();
  const jobs = jobsOf(m);
  const order = Object.keys(jobs).filter((id) => id !== "cigen-plan" && id !== "cigen-gate");
  const skippable = m.jobs.filter((j) => j.skip).map((j) => j.id);

  /** Runs the workflow: each job's if: decides, a job that runs ends as `outcome` says. */
  function simulate(plan: Record<string, string>, outcome: Record<string, Result>, ref: string) {
    const results: Record<string, Result> = { "cigen-plan": "success" };
    for (const id of order) {
      const needs: JsonObject = {};
      for (const n of (jobs[id].needs as string[] | undefined) ?? []) {
        needs[n] = { result: results[n], outputs: n === "cigen-plan" ? planOutputs(plan) : {} };
      }
      const upstreamFailed = Object.values(needs).some((n) => (n as { result: string }).result !== "success");
      const runs = holds(jobs[id].if as string | undefined, { needs, github: { ref } }, { failed: upstreamFailed });
      results[id] = runs ? outcome[id] : "skipped";
    }
    const gateNeeds = Object.fromEntries(
      (jobs["cigen-gate"].needs as string[]).map((n) => [n, { result: results[n] }]),
    );
    const gateStep = (jobs["cigen-gate"].steps as JsonObject[])[0];
    expect(gateStep.if).toBe(GATE_FAILS_WHEN);
    const gateFails = holds(GATE_FAILS_WHEN, { needs: gateNeeds });
    return { results, gateFails };
  }

  it("holds the invariants for every plan and every job outcome", () => {
    for (const ref of REFS) {
      for (const plan of combinations(skippable, ["run", "skip"])) {
        for (const outcome of combinations(order, ["success", "failure", "cancelled"] as Result[])) {
          const { results, gateFails } = simulate(plan, outcome, ref);
          const why = `${ref} plan=${JSON.stringify(plan)} outcome=${JSON.stringify(outcome)} results=${JSON.stringify(results)}`;
          for (const id of order) {
            const bad = andAncestors(m, id).some((x) => results[x] === "failure" || results[x] === "cancelled");
            const ran = results[id] !== "skipped";
            if (skippable.includes(id) && present(m, id, ref)) {
              // A skippable job runs iff its plan says run and no upstream failed or was cancelled.
              expect(ran, `${id}: ${why}`).toBe(plan[id] === "run" && !bad);
            }
            if (!present(m, id, ref)) expect(ran, `${id} is filtered out: ${why}`).toBe(false);
          }
          expect(results.solo).toBe(outcome.solo);
          // The gate fails iff some job failed or was cancelled.
          const anyBad = Object.values(results).some((r) => r === "failure" || r === "cancelled");
          expect(gateFails, why).toBe(anyBad);
        }
      }
    }
  });
});

describe("skipping wiring in the generated file", () => {
  it("adds no planning or gate job to a workflow without skippable jobs", () => {
    const r = generateWorkflows(
      create(GenerateRequestSchema, { target: "github", model: model({ jobs: [job("a")] }), flags: SKIP_FLAGS }),
    );
    expect(r.fragments[0].content).not.toContain("cigen-plan");
    expect(r.fragments[0].content).not.toContain("cigen-gate");
  });

  it("warns and wires nothing when the core did not send the command prefix", () => {
    const r = generateWorkflows(
      create(GenerateRequestSchema, { target: "github", model: model({ jobs: [job("a", { skip: skip(["a/**"]) })] }) }),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(["GITHUB-015"]);
    expect(r.fragments[0].content).not.toContain("cigen-plan");
  });

  it("gets cigen as the core says: the locked install, or nothing when the command fetches cigen", () => {
    const steps = (flags: Record<string, string>) => {
      const m = model({ jobs: [job("a", { skip: skip(["a/**"], "dir", { path: "/s" }) })] });
      const { documents } = workflowDocuments(m, skipFlags(create(GenerateRequestSchema, { model: m, flags })));
      const jobs = documents[0].doc.jobs as Record<string, { steps: JsonObject[] }>;
      return { plan: jobs["cigen-plan"].steps, record: jobs.a.steps.at(-1) };
    };
    const locked = steps(SKIP_FLAGS);
    expect(locked.plan[2]).toEqual({ name: "Install cigen", run: "npm ci --ignore-scripts --no-audit --no-fund" });
    expect(locked.record?.run).toMatch(
      /^if ! command -v npx [\s\S]*\nfi &&\nif ! npx --no-install cigen --version .*; then npm ci .*; fi &&\nnpx --no-install cigen record/,
    );
    const fetched = steps(FETCHED_FLAGS);
    expect(fetched.plan.map((s) => s.name ?? s.uses)).not.toContain("Install cigen");
    expect(fetched.record?.run).toBe(
      `${NODE_FOR_CIGEN} &&\nnpx --yes cigen@1.2.3 record --job 'a' --signature "$CIGEN_SIGNATURE"`,
    );
  });

  it("refuses a job named like a generated job, and keeps a dir-store job without checkout always running", () => {
    const m = model({
      jobs: [
        job("cigen-gate", { skip: skip(["a/**"]) }),
        job("b", { skip: skip(["b/**"], "dir", { path: "/s" }), checkout: { enabled: false } }),
      ],
    });
    const { documents, diagnostics } = workflowDocuments(m, { command: "cigen", install: "" });
    expect(diagnostics.map((d) => d.code)).toEqual(["GITHUB-013", "GITHUB-014"]);
    const jobs = documents[0].doc.jobs as Record<string, JsonObject>;
    expect(jobs.b.if).toBeUndefined();
  });
});

function planOutputs(plan: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, decision] of Object.entries(plan)) {
    out[`plan-${id}`] = decision;
    out[`sig-${id}`] = "a".repeat(64);
  }
  return out;
}
