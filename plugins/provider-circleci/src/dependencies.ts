import type { Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { approvalJobName, circleJobName } from "./job-names";
import {
  anchored,
  filterIntersect,
  filterUnion,
  isEmptyFilter,
  type RefFilter,
  type RefSet,
  refsFromGlobs,
} from "./refs";
import type { Occasion } from "./triggers";

/** A job as it runs in one CircleCI workflow: the jobs it requires and the refs it runs on. */
export interface Placement {
  requires: string[];
  filter: RefFilter;
}

/**
 * Places a workflow's jobs in one occasion. A job is in it when its cron (if any) is the
 * occasion's, all its `needs` are in it and, for `needs_any`, at least one of them is.
 *
 * CircleCI ignores a required job that filters leave out (it waits only for the rest), where
 * cigen skips the dependant. So each job's filter is narrowed to the refs its `needs` run on (all
 * of them) and its `needs_any` run on (any of them). With that, AND-only `requires` over the
 * `needs_any` jobs is exact when filters choose between alternatives, and stricter (the job
 * waits for every alternative that runs) otherwise.
 */
export function placeJobs(jobs: readonly Job[], occasion: Occasion): Map<string, Placement> {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const placed = new Map<string, Placement | null>();
  const place = (job: Job): Placement | null => {
    if (placed.has(job.id)) return placed.get(job.id) ?? null;
    placed.set(job.id, null); // cycles are rejected by the core; this only stops recursion
    const result = compute(job);
    placed.set(job.id, result);
    return result;
  };
  const compute = (job: Job): Placement | null => {
    const cron = job.trigger?.cron ?? "";
    if (cron && cron !== occasion.cron) return null;
    let filter = filterIntersect(occasion.jobRefs, ownFilter(job));
    const requires: string[] = [];
    for (const id of job.needs) {
      const up = byId.get(id);
      const p = up ? place(up) : null;
      if (!p) return null;
      filter = filterIntersect(filter, p.filter);
      requires.push(circleJobName(id));
    }
    let any: RefFilter | undefined;
    for (const id of job.needsAny) {
      const up = byId.get(id);
      const p = up ? place(up) : null;
      if (!p) continue;
      any = any ? filterUnion(any, p.filter) : p.filter;
      requires.push(circleJobName(id));
    }
    if (job.needsAny.length > 0) {
      if (!any) return null;
      filter = filterIntersect(filter, any);
    }
    return isEmptyFilter(filter) ? null : { requires, filter };
  };
  const out = new Map<string, Placement>();
  for (const job of jobs) {
    const p = place(job);
    if (p) out.set(job.id, p);
  }
  return out;
}

/** The refs a job's own trigger limits it to. */
function ownFilter(job: Job): RefFilter {
  const t = job.trigger;
  if (!t || (t.branches.length === 0 && t.tags.length === 0)) {
    return { branches: { kind: "all" }, tags: { kind: "all" } };
  }
  return { branches: refsFromGlobs(t.branches), tags: refsFromGlobs(t.tags) };
}

/** The workflow entries for one placed job: its approval (when manual) and the job itself. */
export function workflowEntries(job: Job, placement: Placement, extra: JsonObject): JsonObject[] {
  const filters = renderFilters(placement.filter);
  const common = { ...(filters ? { filters } : {}) };
  const requires = [...placement.requires];
  const entries: JsonObject[] = [];
  if (job.trigger?.manual) {
    const approval = approvalJobName(job.id);
    entries.push({
      [approval]: { type: "approval", ...(requires.length ? { requires: [...requires] } : {}), ...common },
    });
    requires.push(approval);
  }
  entries.push({ [circleJobName(job.id)]: { ...(requires.length ? { requires } : {}), ...common, ...extra } });
  return entries;
}

/** CircleCI `filters`: branches run unless limited; tags run only when opted into. */
export function renderFilters(filter: RefFilter): JsonObject | undefined {
  const out: JsonObject = {};
  const branches = filter.branches;
  if (branches.kind === "none") out.branches = { ignore: "/.*/" };
  else if (branches.kind === "regex") out.branches = { only: regex(branches) };
  if (filter.tags.kind !== "none") out.tags = { only: regex(filter.tags) };
  return Object.keys(out).length ? out : undefined;
}

function regex(set: Exclude<RefSet, { kind: "none" }>): string {
  return set.kind === "all" ? "/.*/" : `/${anchored(set)}/`;
}
