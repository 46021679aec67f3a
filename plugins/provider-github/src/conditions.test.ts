import { describe, expect, it } from "vitest";
import { UNSUPPORTED_REF_GLOB } from "./codes";
import { globCondition, jobCondition } from "./conditions";
import { job } from "./test-models";

describe("globCondition", () => {
  it("compares an exact name", () => {
    expect(globCondition("main", "refs/heads/")).toBe("github.ref == 'refs/heads/main'");
  });

  it("tests prefix*, prefix** and prefix/** with startsWith", () => {
    expect(globCondition("release/**", "refs/heads/")).toBe("startsWith(github.ref, 'refs/heads/release/')");
    expect(globCondition("v*", "refs/tags/")).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(globCondition("feat**", "refs/heads/")).toBe("startsWith(github.ref, 'refs/heads/feat')");
    expect(globCondition("**", "refs/heads/")).toBe("startsWith(github.ref, 'refs/heads/')");
  });

  it("escapes quotes in names", () => {
    expect(globCondition("it's", "refs/heads/")).toBe("github.ref == 'refs/heads/it''s'");
  });

  it("refuses globs an expression cannot test", () => {
    for (const glob of ["release/*-rc", "v?.0", "[ab]*", "!main", "a/**/b", "x+"]) {
      expect(globCondition(glob, "refs/heads/"), glob).toBeUndefined();
    }
  });
});

describe("jobCondition", () => {
  it("is undefined for a job that always runs", () => {
    expect(jobCondition(job("a")).expression).toBeUndefined();
  });

  it("emulates needs_any: not cancelled, every need succeeded, any of needs_any succeeded", () => {
    const c = jobCondition(job("r", { needs: ["build"], needsAny: ["t1", "t2"] }));
    expect(c.expression).toBe(
      "!cancelled() && needs.build.result == 'success' && (needs.t1.result == 'success' || needs.t2.result == 'success')",
    );
  });

  it("limits a scheduled job to runs of its cron", () => {
    const c = jobCondition(job("n", { trigger: { cron: "0 3 * * 1" } }));
    expect(c.expression).toBe("github.event_name == 'schedule' && github.event.schedule == '0 3 * * 1'");
  });

  it("ORs branch and tag filters", () => {
    const c = jobCondition(job("d", { trigger: { branches: ["main"], tags: ["v*"] } }));
    expect(c.expression).toBe("github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/tags/v')");
  });

  it("ANDs every condition, parenthesizing alternatives", () => {
    const c = jobCondition(
      job("d", { needsAny: ["a"], trigger: { cron: "0 1 * * *", branches: ["main", "release/**"] } }),
    );
    expect(c.expression).toBe(
      "!cancelled() && needs.a.result == 'success' && github.event_name == 'schedule' && github.event.schedule == '0 1 * * *' && (github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/heads/release/'))",
    );
  });

  it("reports an inexpressible glob with the job, key and provider", () => {
    const c = jobCondition(job("deploy", { trigger: { branches: ["main", "rel-?"] } }));
    expect(c.expression).toBe("github.ref == 'refs/heads/main'");
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0].code).toBe(UNSUPPORTED_REF_GLOB);
    expect(c.diagnostics[0].message).toContain('job "deploy"');
    expect(c.diagnostics[0].message).toContain("trigger.branches");
    expect(c.diagnostics[0].message).toContain("GitHub Actions");
    expect(c.diagnostics[0].loc?.line).toBe(10);
  });
});
