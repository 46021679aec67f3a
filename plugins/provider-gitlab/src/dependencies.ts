/**
 * `needs` for every job, and the gate jobs that emulate `needs_any`.
 *
 * GitLab's `needs` is AND-only (`optional: true` only tolerates an absent job, it is not an OR).
 * For a job with `needs_any` cigen adds a gate job `<job>-needs-any` that runs `when: always` after
 * all of the OR jobs, and passes only when one of them left its success marker (an artifact a job
 * uploads only after its last step succeeded). The job then needs the gate like any other job.
 * Artifacts from the OR side reach the job through the gate, which downloads and re-uploads them:
 * a direct `needs` on an OR job would make it an AND again.
 */
import type { ArtifactInput, Job } from "@cigen/protocol";

/** One `needs` entry. */
export interface NeedEntry {
  job: string;
  artifacts: boolean;
  optional?: boolean;
}

/** A generated gate job standing in for one job's `needs_any`. */
export interface GatePlan {
  id: string;
  consumer: string;
  /** The OR jobs: the gate passes when any of them succeeded. */
  anyOf: string[];
  /** Artifacts the gate downloads and uploads again for its consumer. */
  reexports: ArtifactInput[];
}

export interface DependencyPlan {
  /** `needs` per job id and per gate id. */
  needs: Map<string, NeedEntry[]>;
  /** Gates by consumer job id. */
  gates: Map<string, GatePlan>;
  /** Jobs some gate checks, which therefore write a success marker. */
  markerJobs: Set<string>;
}

/** The gate job id for a consumer. */
export function gateId(consumer: string): string {
  return `${consumer}-needs-any`;
}

/** Plans needs and gates for all jobs. */
export function planDependencies(jobs: Job[]): DependencyPlan {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const andAncestors = closure(byId, (j) => j.needs);
  const allAncestors = closure(byId, (j) => [...j.needs, ...j.needsAny]);
  const gates = new Map<string, GatePlan>();
  for (const job of jobs) {
    const anyOf = job.needsAny.filter((id) => byId.has(id));
    if (anyOf.length) gates.set(job.id, { id: gateId(job.id), consumer: job.id, anyOf, reexports: [] });
  }
  const needs = new Map<string, NeedEntry[]>();
  for (const job of jobs) {
    const entries: NeedEntry[] = job.needs.filter((id) => byId.has(id)).map((id) => ({ job: id, artifacts: false }));
    const gateNeeds = new Map<string, GatePlan>();
    for (const input of job.artifactInputs) {
      const direct = entries.find((e) => e.job === input.fromJob);
      if (direct) direct.artifacts = true;
      else if (andAncestors(job.id).has(input.fromJob)) entries.push({ job: input.fromJob, artifacts: true });
      else {
        const gate = gateFor(job, input.fromJob, gates, andAncestors, allAncestors);
        if (!gate) continue;
        if (!gate.reexports.some((r) => r.artifact?.name === input.artifact?.name)) gate.reexports.push(input);
        gateNeeds.set(gate.id, gate);
      }
    }
    const own = gates.get(job.id);
    if (own) gateNeeds.set(own.id, own);
    for (const [id, gate] of [...gateNeeds].sort(([a], [b]) => (a < b ? -1 : 1))) {
      entries.push({ job: id, artifacts: reexportsFor(gate, job) });
    }
    needs.set(job.id, entries);
  }
  for (const gate of gates.values()) needs.set(gate.id, gateNeedEntries(gate));
  const markerJobs = new Set([...gates.values()].flatMap((g) => g.anyOf));
  return { needs, gates, markerJobs };
}

/** The gate (of the job itself or of an AND-ancestor) whose OR side leads to `source`. */
function gateFor(
  job: Job,
  source: string,
  gates: Map<string, GatePlan>,
  andAncestors: (id: string) => Set<string>,
  allAncestors: (id: string) => Set<string>,
): GatePlan | undefined {
  const candidates = [job.id, ...[...andAncestors(job.id)].sort()];
  for (const id of candidates) {
    const gate = gates.get(id);
    if (gate?.anyOf.some((member) => member === source || allAncestors(member).has(source))) return gate;
  }
  return undefined;
}

function reexportsFor(gate: GatePlan, job: Job): boolean {
  return job.artifactInputs.some((input) => gate.reexports.some((r) => r.artifact?.name === input.artifact?.name));
}

function gateNeedEntries(gate: GatePlan): NeedEntry[] {
  const sources = [...new Set([...gate.anyOf, ...gate.reexports.map((r) => r.fromJob)])];
  // The gate checks success markers, which arrive as artifacts, so it downloads from every OR job.
  return sources.map((job) => ({ job, artifacts: true, optional: true }));
}

/** Transitive upstream sets over `edges`, memoised. */
function closure(byId: Map<string, Job>, edges: (j: Job) => string[]): (id: string) => Set<string> {
  const memo = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    memo.set(id, out);
    for (const up of edges(byId.get(id)!)) {
      if (!byId.has(up)) continue;
      out.add(up);
      for (const a of visit(up)) out.add(a);
    }
    return out;
  };
  return (id) => (byId.has(id) ? visit(id) : new Set());
}
