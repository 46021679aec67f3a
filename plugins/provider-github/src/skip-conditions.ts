import type { Job } from "@cigen/protocol";
import { type JobCondition, refCondition } from "./conditions";
import type { SkipContext } from "./skip-context";
import { PLAN_JOB, planned, planOutput } from "./skip-names";
import { stringLiteral } from "./text-syntax";

/**
 * The `if:` of a job the skipping wiring affects (a skippable job, or one downstream of one).
 *
 * - `!cancelled()` replaces the implicit `success()`, which would skip the job as soon as any
 *   upstream, even a transitive one, was skipped;
 * - a skippable job runs unless the plan says "skip" (an empty output, as after a failed planning
 *   job, means run: never skip on doubt);
 * - each upstream must have succeeded, or have been skipped *by the plan* (its signature was
 *   recorded, so its last success stands for this run) while it belonged to this run at all: a job
 *   that a trigger filter left out still holds its dependants back;
 * - no job further up the `needs` chain failed or was cancelled: an upstream skipped by the plan
 *   says nothing about its own upstreams, so those are listed in `needs:` and checked directly;
 * - then the job's own schedule and ref filter, as without skipping.
 */
export function skipJobCondition(job: Job, ctx: SkipContext): JobCondition {
  const parts = ["!cancelled()"];
  if (ctx.skippable.has(job.id)) parts.push(`${planned(planOutput(job.id))} != 'skip'`);
  for (const id of job.needs) if (ctx.byId.has(id)) parts.push(upstreamDone(id, ctx));
  const anyOfNeeds = job.needsAny.filter((id) => ctx.byId.has(id));
  if (anyOfNeeds.length > 0) parts.push(any(anyOfNeeds.map((id) => upstreamDone(id, ctx))));
  for (const id of fartherUpstream(job, ctx)) {
    parts.push(`needs.${id}.result != 'failure'`, `needs.${id}.result != 'cancelled'`);
  }
  const own = ownFilter(job);
  parts.push(...own.parts);
  return { expression: all(parts), diagnostics: own.diagnostics };
}

/** True when the job reads the planning job's outputs, and so must list it in `needs:`. */
export function readsPlan(job: Job, ctx: SkipContext): boolean {
  return ctx.skippable.has(job.id) || [...job.needs, ...job.needsAny].some((id) => ctx.skippable.has(id));
}

/**
 * The `needs:` of an affected job: the planning job first when its outputs are read, the job's
 * own upstreams, then the jobs farther up its `needs` chain, whose results its `if:` checks
 * (they finish earlier anyway, so this changes no ordering).
 */
export function skipNeeds(job: Job, ctx: SkipContext): string[] {
  const own = [...new Set([...job.needs, ...job.needsAny, ...fartherUpstream(job, ctx)])];
  return readsPlan(job, ctx) ? [PLAN_JOB, ...own] : own;
}

/**
 * The jobs reached through `needs` only (not `needs_any`: one failed alternative must not hold
 * the job back) that the job does not need directly, in workflow order.
 */
export function fartherUpstream(job: Job, ctx: SkipContext): readonly string[] {
  const known = ctx.memo.fartherUpstream.get(job.id);
  if (known) return known;
  const found = new Set<string>();
  const visit = (id: string) => {
    for (const up of ctx.byId.get(id)?.needs ?? []) {
      if (!ctx.byId.has(up) || found.has(up)) continue;
      found.add(up);
      visit(up);
    }
  };
  for (const id of job.needs) if (ctx.byId.has(id)) visit(id);
  for (const id of job.needs) found.delete(id);
  // Sorting the (few) ancestors by position instead of filtering every job keeps this linear in
  // the ancestors: the filter made a 1,000-job workflow cost ~140 ms (measured with --cpu-prof).
  const ordered = [...found].sort((a, b) => (ctx.position.get(a) ?? 0) - (ctx.position.get(b) ?? 0));
  ctx.memo.fartherUpstream.set(job.id, ordered);
  return ordered;
}

/** "The upstream job `id` is done in a way its dependants may build on." */
export function upstreamDone(id: string, ctx: SkipContext): string {
  const succeeded = `needs.${id}.result == 'success'`;
  if (!ctx.skippable.has(id)) return succeeded;
  const skippedByPlan = [`needs.${id}.result == 'skipped'`, `${planned(planOutput(id))} == 'skip'`];
  const present = presence(ctx.byId.get(id)!, ctx);
  if (present) skippedByPlan.push(present);
  return any([succeeded, all(skippedByPlan)]);
}

/**
 * When a job belongs to this run at all, from what the `github` context says: its own schedule
 * and ref filter, and (as GitHub skips dependants of a job left out) those of its upstreams.
 * Undefined when it always belongs.
 */
function presence(job: Job, ctx: SkipContext): string | undefined {
  const memo = ctx.memo.presence;
  if (memo.has(job.id)) return memo.get(job.id);
  memo.set(job.id, undefined); // a cycle was refused by the core; this only guards the recursion
  const up = (id: string) => (ctx.byId.has(id) ? presence(ctx.byId.get(id)!, ctx) : undefined);
  const parts = [...ownFilter(job).parts];
  for (const id of job.needs) {
    const p = up(id);
    if (p) parts.push(p);
  }
  const alternatives = job.needsAny.filter((id) => ctx.byId.has(id)).map(up);
  if (alternatives.length > 0 && alternatives.every((p) => p !== undefined)) parts.push(any(alternatives as string[]));
  const result = parts.length > 0 ? all([...new Set(parts)]) : undefined;
  memo.set(job.id, result);
  return result;
}

/** The job's own schedule and ref filter as condition parts. */
function ownFilter(job: Job): { parts: string[]; diagnostics: JobCondition["diagnostics"] } {
  const parts: string[] = [];
  const cron = job.trigger?.cron;
  if (cron) parts.push("github.event_name == 'schedule'", `github.event.schedule == ${stringLiteral(cron)}`);
  const ref = refCondition(job);
  if (ref.expression) parts.push(ref.expression);
  return { parts, diagnostics: ref.diagnostics };
}

/** Joins with `&&`, parenthesizing any part that has an `||` of its own. */
function all(parts: string[]): string {
  return parts.map((p) => (parts.length > 1 && p.includes(" || ") ? `(${p})` : p)).join(" && ");
}

/** Joins with `||`, parenthesizing any part that has an `&&`, so a reader never needs precedence. */
function any(parts: string[]): string {
  return parts.map((p) => (parts.length > 1 && p.includes(" && ") ? `(${p})` : p)).join(" || ");
}
