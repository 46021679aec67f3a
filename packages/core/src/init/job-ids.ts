import type { CarriedJob } from "./existing-ci/carried-job";

/**
 * A cigen job id (`[A-Za-z_][A-Za-z0-9_-]*`) for a job named in another CI system: other
 * characters become `-` ("test:unit" -> "test-unit", "Build & test" -> "Build-test"), and a name
 * that does not start with a letter gets a `job-` prefix.
 */
export function jobIdOf(name: string): string {
  const id = name
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!id) return "job";
  return /^[A-Za-z_]/.test(id) ? id : `job-${id}`;
}

/** Ids for the jobs in order, unique (a second "test" becomes "test-2"), keyed by the jobs' keys. */
export function assignIds(jobs: readonly CarriedJob[]): Map<string, string> {
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const job of jobs) {
    const base = jobIdOf(job.name);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(job.key, id);
  }
  return ids;
}

/**
 * The ids a kept job needs. A need on a job that is left out (no shell commands, such as an orb
 * or reusable-workflow job) is replaced by that job's own needs, so the order of the rest holds;
 * needs on jobs that do not exist are dropped.
 */
export function neededIds(
  job: CarriedJob,
  ids: ReadonlyMap<string, string>,
  byKey: ReadonlyMap<string, CarriedJob>,
): string[] {
  const out: string[] = [];
  const visited = new Set<string>([job.key]);
  const visit = (key: string) => {
    if (visited.has(key)) return;
    visited.add(key);
    const id = ids.get(key);
    if (id) out.push(id);
    else for (const next of byKey.get(key)?.needs ?? []) visit(next);
  };
  for (const key of job.needs) visit(key);
  return [...new Set(out)];
}
