import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, GenerateRequest, Job } from "@cigen/protocol";
import { isNativeStore, skipSettings } from "@cigen/provider-kit";
import { RESERVED_SKIP_ID, SKIP_COMMAND_MISSING, SKIP_WITHOUT_CHECKOUT } from "./codes";
import { GATE_JOB, PLAN_JOB } from "./skip-names";

/** What one workflow's skipping wiring needs to know about its jobs. */
export interface SkipContext {
  /** The command prefix that runs cigen in CI (`GenerateRequest.flags["skip.command"]`). */
  command: string;
  /** What makes `command` runnable (`skip.install`); empty when the command fetches cigen itself. */
  install: string;
  /** The workflow's jobs by id. */
  byId: Map<string, Job>;
  /** Each job's index in workflow order, so lists of job ids can be ordered without a scan. */
  position: Map<string, number>;
  /** Jobs that may be skipped: each gets a plan output, an `if:` on it and a record step. */
  skippable: Set<string>;
  /**
   * Skippable jobs and every job downstream of one. GitHub's implicit `success()` treats a
   * skipped upstream, even a transitive one, as a reason to skip, so all of these get an explicit
   * condition that accepts an upstream skipped by the plan.
   */
  affected: Set<string>;
  /**
   * Per-job answers the wiring asks for more than once (a job's presence once per dependant, its
   * farther upstreams for both `needs:` and `if:`): worked out once per workflow. Recomputing them
   * walked every job's ancestors again for each question, ~40% of a 1,000-job Generate.
   */
  memo: { presence: Map<string, string | undefined>; fartherUpstream: Map<string, string[]> };
}

/** The core's flags that switch the wiring on: how CI gets cigen and runs it. */
export interface SkipFlags {
  command: string | undefined;
  install: string;
}

/** Reads the skipping flags of a Generate request. */
export function skipFlags(request: GenerateRequest): SkipFlags {
  return { command: request.flags["skip.command"] || undefined, install: skipSettings(request).install };
}

/**
 * The wiring for one workflow's jobs, or undefined when none of them is skippable (the workflow
 * is then written exactly as without skipping). A job recording to a dir/redis/s3 store must check
 * out the repository, because `cigen record` reads cigen.yml: without a checkout it always runs.
 */
export function skipContext(jobs: Job[], flags: SkipFlags, diagnostics: Diagnostic[]): SkipContext | undefined {
  const candidates = jobs.filter((j) => j.skip);
  if (candidates.length === 0) return undefined;
  if (!flags.command) {
    diagnostics.push(commandMissing(candidates[0]));
    return undefined;
  }
  for (const job of jobs) if (job.id === PLAN_JOB || job.id === GATE_JOB) diagnostics.push(reservedId(job));
  const skippable = new Set<string>();
  for (const job of candidates) {
    if (!isNativeStore(job) && job.checkout?.enabled === false) diagnostics.push(withoutCheckout(job));
    else skippable.add(job.id);
  }
  if (skippable.size === 0) return undefined;
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const position = new Map(jobs.map((j, i) => [j.id, i]));
  return {
    command: flags.command,
    install: flags.install,
    byId,
    position,
    skippable,
    affected: downstreamOf(skippable, jobs),
    memo: { presence: new Map(), fartherUpstream: new Map() },
  };
}

/** The given jobs and every job that (transitively) needs one of them. */
function downstreamOf(roots: Set<string>, jobs: Job[]): Set<string> {
  const found = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const job of jobs) {
      if (found.has(job.id)) continue;
      if ([...job.needs, ...job.needsAny].some((id) => found.has(id))) {
        found.add(job.id);
        grew = true;
      }
    }
  }
  return found;
}

function commandMissing(job: Job): Diagnostic {
  return diagnostic({
    severity: "warning",
    code: SKIP_COMMAND_MISSING,
    message: `job "${job.id}": it has source_files or skip_if, but the core did not say how CI runs cigen (flag skip.command), so GitHub Actions runs it every time`,
    hint: "Generate with a cigen CLI that supports job skipping.",
    loc: job.loc,
  });
}

function reservedId(job: Job): Diagnostic {
  return diagnostic({
    code: RESERVED_SKIP_ID,
    message: `job "${job.id}": the id is the name of a job the GitHub Actions skipping wiring generates`,
    hint: `Rename the job, e.g. to "${job.id}-job".`,
    loc: job.loc,
  });
}

function withoutCheckout(job: Job): Diagnostic {
  return diagnostic({
    severity: "warning",
    code: SKIP_WITHOUT_CHECKOUT,
    message: `job "${job.id}": checkout is off, so "cigen record" cannot read cigen.yml to record its success in the ${job.skip?.store?.type} store; GitHub Actions runs it every time`,
    hint: "Turn the checkout on for this job, or use skip_store: { type: native }, which GitHub records with actions/cache.",
    loc: job.loc,
  });
}
