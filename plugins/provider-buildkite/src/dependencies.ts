import type { Job, Model } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { and, type Cond, FALSE, or } from "./conditions";
import { approvalKey, stepKey } from "./keys";
import { refCondition } from "./refs";
import { type Occasion, workflowCondition } from "./triggers";

/**
 * Each job's `if:` condition: its workflow runs in this build, its own branch/tag filter holds,
 * every job it needs is in the build, and (for needs_any) at least one alternative is. A step is
 * thereby never uploaded when a job it needs is filtered out, so no step waits for a missing one.
 */
export function jobConditions(model: Model, occasions: Map<string, Occasion[]>): Map<string, Cond> {
  const byId = new Map(model.jobs.map((j) => [j.id, j]));
  const done = new Map<string, Cond>();
  const visit = (job: Job): Cond => {
    const known = done.get(job.id);
    if (known) return known;
    done.set(job.id, FALSE); // cycles are rejected by the core; this only stops recursion
    const upstream = (id: string) => {
      const up = byId.get(id);
      return up ? visit(up) : FALSE;
    };
    const t = job.trigger;
    const parts = [
      workflowCondition(job, occasions.get(job.workflow) ?? []),
      refCondition(t?.branches ?? [], t?.tags ?? []),
      ...job.needs.map(upstream),
    ];
    if (job.needsAny.length) parts.push(or(...job.needsAny.map(upstream)));
    const cond = and(...parts);
    done.set(job.id, cond);
    return cond;
  };
  for (const job of model.jobs) visit(job);
  return done;
}

/**
 * `depends_on` entries for a job's upstream: `needs` plainly (a failure stops the job), each
 * `needs_any` alternative with `allow_failure: true` (the job's first command then checks that
 * one of them passed).
 */
export function upstreamEntries(job: Job): (string | JsonObject)[] {
  return [
    ...job.needs.map(stepKey),
    ...job.needsAny.filter((id) => !job.needs.includes(id)).map((id) => ({ step: stepKey(id), allow_failure: true })),
  ];
}

/** The job's own `depends_on`: its approval step when manual, then its upstream. */
export function jobDependsOn(job: Job): (string | JsonObject)[] {
  return [...(job.trigger?.manual ? [approvalKey(job.id)] : []), ...upstreamEntries(job)];
}

/**
 * The shell lines that make a needs_any job fail unless one alternative passed. Buildkite's
 * `allow_failure` lets the job start whatever its alternatives did; `buildkite-agent step get
 * outcome` then tells whether one of them passed (a skipped or failed one did not).
 */
export function needsAnyCheck(job: Job): string[] {
  const alternatives = job.needsAny.filter((id) => !job.needs.includes(id));
  if (alternatives.length === 0) return [];
  const tests = alternatives.map(
    (id) => `[ "$(buildkite-agent step get outcome --step ${stepKey(id)} 2>/dev/null)" = passed ]`,
  );
  return [
    `# needs_any: continue only when one of ${alternatives.join(", ")} passed`,
    `if ! { ${tests.join(" || ")}; }; then`,
    `  echo "none of ${alternatives.join(", ")} passed" >&2`,
    "  exit 1",
    "fi",
  ];
}

/**
 * The jobs a job needs through `needs` only, directly or transitively: their artifacts must be
 * there. Artifacts of jobs reached through a needs_any alternative may be missing (that
 * alternative may not have run), so their download may fail quietly.
 */
export function requiredUpstream(job: Job, model: Model): Set<string> {
  const byId = new Map(model.jobs.map((j) => [j.id, j]));
  const out = new Set<string>();
  const walk = (j: Job) => {
    for (const id of j.needs) {
      if (out.has(id)) continue;
      out.add(id);
      const up = byId.get(id);
      if (up) walk(up);
    }
  };
  walk(job);
  return out;
}
