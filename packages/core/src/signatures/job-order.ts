/** A job and the ids it depends on. */
export interface OrderedJob {
  id: string;
  needs: readonly string[];
  needsAny?: readonly string[];
}

/**
 * Orders jobs so that every job comes after the jobs it needs (Kahn's algorithm, ties kept in input
 * order). Jobs that sit on a cycle, or downstream of one, or that need an id that does not exist,
 * are returned apart in `blocked`: their upstream signatures cannot be known, so they always run.
 */
export function orderJobs<T extends OrderedJob>(jobs: readonly T[]): { ordered: T[]; blocked: Map<string, string> } {
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const blocked = new Map<string, string>();
  const waiting = new Map<string, number>();
  const dependants = new Map<string, string[]>();
  for (const job of jobs) {
    const upstream = [...new Set([...job.needs, ...(job.needsAny ?? [])])];
    const unknown = upstream.find((id) => !byId.has(id));
    if (unknown !== undefined) blocked.set(job.id, `it needs "${unknown}", which is not a job`);
    waiting.set(job.id, upstream.length);
    for (const id of upstream) dependants.set(id, [...(dependants.get(id) ?? []), job.id]);
  }
  const ordered: T[] = [];
  const ready = jobs.filter((job) => waiting.get(job.id) === 0);
  while (ready.length > 0) {
    const job = ready.shift()!;
    ordered.push(job);
    for (const id of dependants.get(job.id) ?? []) {
      const left = waiting.get(id)! - 1;
      waiting.set(id, left);
      if (left === 0) ready.push(byId.get(id)!);
    }
  }
  const placed = new Set(ordered.map((job) => job.id));
  for (const job of jobs) {
    if (placed.has(job.id)) continue;
    if (!blocked.has(job.id)) blocked.set(job.id, "it is on, or downstream of, a cycle of needs");
    ordered.push(job); // still reported, after everything it could depend on
  }
  return { ordered, blocked };
}
