import type { Diagnostic } from "@cigen/protocol";
import { job, model } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { render } from "./conditions";
import { jobConditions, jobDependsOn, needsAnyCheck, requiredUpstream } from "./dependencies";
import { modelOccasions } from "./triggers";

const noReport = (_: Diagnostic) => {};
const PUSH = 'build.source == "webhook" && build.pull_request.id == null';

function conditions(m: ReturnType<typeof model>) {
  const conds = jobConditions(m, modelOccasions(m, noReport));
  return Object.fromEntries([...conds].map(([id, c]) => [id, render(c)]));
}

describe("job conditions", () => {
  it("runs the default workflow on pushes and pull requests", () => {
    expect(conditions(model({ jobs: [job("a")] }))).toEqual({
      a: `${PUSH} && build.tag == null || build.source == "webhook" && build.pull_request.id != null`,
    });
  });

  it("adds schedules, manual runs and the conditions of upstream jobs", () => {
    const m = model({
      workflows: [{ id: "ci", triggers: { push: { branches: ["main"] }, manual: true, schedules: ["0 4 * * *"] } }],
      jobs: [
        job("a", { trigger: { branches: ["dev", "main"] } }),
        job("s", { trigger: { cron: "0 4 * * *" } }),
        job("t", { needs: ["s"] }),
        job("u", { needsAny: ["a", "s"] }),
      ],
    });
    const c = conditions(m);
    const sched = 'build.source == "schedule" && build.env("CIGEN_SCHEDULE") == "ci-schedule-1"';
    const manual = 'build.env("CIGEN_WORKFLOW") == "ci"';
    expect(c.s).toBe(sched);
    expect(c.t).toBe(sched);
    expect(c.a).toBe(
      `(${PUSH} && build.tag == null && build.branch =~ /^(?:main)$$/ || ${manual} || ${sched}) && build.tag == null && (build.branch =~ /^(?:dev)$$/ || build.branch =~ /^(?:main)$$/)`,
    );
    expect(c.u.startsWith(`(${PUSH}`)).toBe(true);
    expect(c.u).toContain(`|| ${sched}`);
  });

  it("leaves out the jobs of a workflow without triggers", () => {
    const m = model({ workflows: [{ id: "ci", triggers: {} }], jobs: [job("a"), job("b", { needs: ["a"] })] });
    expect(conditions(m)).toEqual({ a: "false", b: "false" });
  });
});

describe("dependencies", () => {
  it("depends on needs, on needs_any with allow_failure, and on the approval", () => {
    const j = job("c", { needs: ["a"], needsAny: ["x", "y"], trigger: { manual: true } });
    expect(jobDependsOn(j)).toEqual([
      "approve-c",
      "a",
      { step: "x", allow_failure: true },
      { step: "y", allow_failure: true },
    ]);
    expect(needsAnyCheck(j)).toEqual([
      "# needs_any: continue only when one of x, y passed",
      'if ! { [ "$(buildkite-agent step get outcome --step x 2>/dev/null)" = passed ] || [ "$(buildkite-agent step get outcome --step y 2>/dev/null)" = passed ]; }; then',
      '  echo "none of x, y passed" >&2',
      "  exit 1",
      "fi",
    ]);
  });

  it("knows which upstream jobs are required through needs", () => {
    const m = model({
      jobs: [job("a"), job("b", { needs: ["a"] }), job("o"), job("c", { needs: ["b"], needsAny: ["o"] })],
    });
    expect([...requiredUpstream(m.jobs[3], m)]).toEqual(["b", "a"]);
  });
});
