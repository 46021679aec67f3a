/**
 * Dependencies as stage order plus success markers. Stages run level by level (jobs of one DAG
 * level in `parallel`); each job stage records its success in an `env` marker, and a stage runs
 * only when the markers of all its `needs` and at least one of its `needs_any` are set. Because
 * every job catches its own failure (catchError), unrelated jobs keep running after a failure,
 * and only the jobs downstream of it are skipped, as the DAG says.
 */
import type { Job } from "@cigen/protocol";
import { allOf, anyOf, cond, type When } from "./when";

/** The env variable a job sets once it succeeded. */
export function markerName(jobId: string): string {
  return `CIGEN_OK_${jobId.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

const marked = (id: string) => cond(`environment name: '${markerName(id)}', value: 'true'`);

/**
 * The dependency condition of a job. `skipped(id)` is the condition under which job skipping left
 * an upstream job out although it would have run; such a job counts as succeeded, so its
 * dependants still run when their own inputs changed.
 */
export function dependencyWhen(
  job: Job,
  known: Set<string>,
  skipped: (id: string) => When | undefined = () => undefined,
): When {
  const succeeded = (id: string) => {
    const alternative = skipped(id);
    return alternative ? anyOf(marked(id), alternative) : marked(id);
  };
  const needs = job.needs.filter((id) => known.has(id));
  const any = job.needsAny.filter((id) => known.has(id));
  return allOf(...needs.map(succeeded), any.length ? anyOf(...any.map(succeeded)) : allOf());
}

/** Jobs whose success another job reads: upstreams and artifact sources. */
export function markedJobs(jobs: Job[]): Set<string> {
  return new Set(jobs.flatMap((j) => [...j.needs, ...j.needsAny, ...j.artifactInputs.map((a) => a.fromJob)]));
}

/** Jobs grouped by DAG depth (needs and needs_any), each group in cigen.yml order. */
export function levels(jobs: Job[]): Job[][] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const depth = new Map<string, number>();
  const visit = (job: Job): number => {
    const known = depth.get(job.id);
    if (known !== undefined) return known;
    depth.set(job.id, 0); // guards against a cycle, which the core has already refused
    let d = 0;
    for (const id of [...job.needs, ...job.needsAny]) {
      const up = byId.get(id);
      if (up) d = Math.max(d, visit(up) + 1);
    }
    depth.set(job.id, d);
    return d;
  };
  const groups: Job[][] = [];
  for (const job of jobs) {
    const d = visit(job);
    if (!groups[d]) groups[d] = [];
    groups[d].push(job);
  }
  return groups.filter(Boolean);
}

/** Upstream ids reached through `needs` only: their success is certain when the job runs. */
export function andAncestors(jobs: Job[]): (id: string) => Set<string> {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const memo = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    memo.set(id, out);
    for (const up of byId.get(id)?.needs ?? []) {
      if (!byId.has(up)) continue;
      out.add(up);
      for (const a of visit(up)) out.add(a);
    }
    return out;
  };
  return visit;
}
