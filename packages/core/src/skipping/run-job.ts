import type { Job } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { gitHead } from "./git-head";
import { lookUp } from "./preflight";
import { recordJob } from "./record";
import { runSteps, type StepOutput } from "./run-steps";
import type { SkipProject } from "./skip-project";

/** What happened to one job of a `cigen run`. */
export interface JobRun {
  job: string;
  signature?: string;
  /** skipped: a success with its signature is recorded; would-run: --dry-run. */
  action: "skipped" | "ran" | "failed" | "would-run";
  /** The preflight reason (`skip: ...` / `run: ...`). */
  reason: string;
  /** Whether its success was recorded (ran jobs only). */
  recorded?: boolean;
  /** Why its success was not recorded. */
  notice?: string;
}

export interface RunOptions {
  dryRun?: boolean;
  /** Where the steps' stdout goes (default: inherited). */
  output?: StepOutput;
  /** Progress lines for the user ("build: skip: ...", "test: step 1"). */
  onLine?: (line: string) => void;
}

/**
 * `cigen run J`: runs J's needed jobs first (each skipped when its signature is recorded), then J,
 * with bash from the repository root, recording each success. Signatures are computed once, up
 * front, from the tree as it is before any step runs (as CI's planning job does), so files the
 * steps write do not change what is recorded. Jobs on the `native` store use the local dir store
 * at `.cigen/signatures`. Stops at the first failing job.
 */
export async function runJob(
  project: SkipProject,
  jobId: string,
  options: RunOptions = {},
): Promise<{ exitCode: number; jobs: JobRun[]; diagnostics: Diagnostic[] }> {
  const { job, diagnostic } = project.job(jobId);
  if (!job) return { exitCode: 1, jobs: [], diagnostics: [diagnostic!] };
  const say = options.onLine ?? (() => {});
  // With the file lists: `record` reuses this computation, so it keeps the inputs of before the steps.
  const computed = await project.signatures({ includeFileList: true });
  const diagnostics = [...computed.diagnostics];
  const signatures = new Map(computed.results.map((r) => [r.job, r]));
  const facts = { repoRoot: project.repoRoot, ...(await gitHead(project.repoRoot)) };
  const runs: JobRun[] = [];
  for (const current of upstreamFirst(project, job)) {
    const mine = signatures.get(current.id)!;
    const pre = await lookUp(project, current, mine.signature, mine.reason, diagnostics, { localNative: true });
    say(`${current.id}: ${pre.reason}`);
    const entry: JobRun = { job: current.id, signature: mine.signature, action: "skipped", reason: pre.reason };
    runs.push(entry);
    if (!pre.shouldRun) continue;
    if (options.dryRun) {
      entry.action = "would-run";
      continue;
    }
    const steps = await runSteps(current, facts, project.options.env, options.output ?? "inherit", say);
    diagnostics.push(...steps.diagnostics);
    if (steps.exitCode !== 0) {
      entry.action = "failed";
      return { exitCode: steps.exitCode, jobs: runs, diagnostics };
    }
    entry.action = "ran";
    if (!current.skip || mine.signature === undefined) continue;
    const recorded = await recordJob(project, current.id, { signature: mine.signature, localNative: true });
    diagnostics.push(...recorded.diagnostics);
    entry.recorded = recorded.outcome?.recorded ?? false;
    if (recorded.outcome?.notice) entry.notice = recorded.outcome.notice;
    say(`${current.id}: ${entry.recorded ? "recorded" : `not recorded: ${entry.notice}`}`);
  }
  return { exitCode: 0, jobs: runs, diagnostics };
}

/** `job` and every job it needs (directly or not), each after the jobs it needs. */
function upstreamFirst(project: SkipProject, job: Job): Job[] {
  const byId = new Map(project.jobs.map((j) => [j.id, j]));
  const ordered: Job[] = [];
  const visited = new Set<string>();
  const visit = (current: Job) => {
    if (visited.has(current.id)) return;
    visited.add(current.id);
    for (const id of [...current.needs, ...current.needsAny]) {
      const upstream = byId.get(id);
      if (upstream) visit(upstream);
    }
    ordered.push(current);
  };
  visit(job);
  return ordered;
}
