import type { Diagnostic } from "../diagnostics/diagnostic";
import { canonicalJson } from "./canonical-json";
import { SignatureCodes } from "./codes";
import { comparePaths } from "./compare-paths";
import { orderJobs } from "./job-order";
import { compilePatterns, expandPatterns } from "./match-files";
import { runGit } from "./run-git";
import { encodeFileEntry, fileSectionOf, hashSignature } from "./signature";
import type { SignatureJob } from "./signature-types";
import { readTreeAt, streamChanges, type TreeChange } from "./tree-changes";

/** What `cigen savings` reports for one job variant. */
export interface ReplayResult {
  job: string;
  /** Commits replayed: the runs without cigen. */
  runsWithout: number;
  /** Runs with cigen: the number of distinct signatures, in order, over the replayed commits. */
  runsWith: number;
  /** Share of runs saved, 0..1. */
  saved: number;
  /** Why the job runs on every commit, when it does. */
  reason?: string;
}

export interface ReplayOptions {
  /** How many first-parent commits, ending at `ref`, to replay. */
  commits: number;
  /** `source_file_groups` from cigen.yml. */
  groups: Readonly<Record<string, readonly string[]>>;
  /** Default `HEAD`. */
  ref?: string;
  onProgress?: (done: number, total: number) => void;
}

interface ReplayState {
  job: SignatureJob;
  definition: string;
  matches?: (path: string) => boolean;
  matchesModule?: (path: string) => boolean;
  files: Map<string, Buffer>;
  moduleFiles: Map<string, Buffer>;
  reason?: string;
  signature?: string;
  seen: Set<string>;
  changed: boolean;
}

/**
 * Replays the last `commits` first-parent commits and counts, per job, how often it would have run
 * without cigen (every commit) and with it (whenever its signature was new in the replay: every run
 * succeeded and every record was visible, so this is the best case). Signatures use each commit's
 * files and the CURRENT definitions; env values and module versions are not known for old commits
 * and are left out. The first tree is listed once; after that only the changes between consecutive
 * commits are read (one `git diff-tree --stdin` stream), and only jobs whose globs match a changed
 * path (or whose upstream changed) are hashed again.
 */
export async function replayHistory(
  repoRoot: string,
  jobs: readonly SignatureJob[],
  options: ReplayOptions,
): Promise<{ commits: number; results: ReplayResult[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const revs = (
    await runGit(repoRoot, ["rev-list", "--first-parent", "-n", String(options.commits), options.ref ?? "HEAD"])
  )
    .toString("latin1")
    .split("\n")
    .filter(Boolean)
    .reverse();
  if (revs.length < options.commits)
    diagnostics.push({
      severity: "info",
      code: SignatureCodes.SHORT_HISTORY,
      message: `only ${revs.length} of the ${options.commits} commits asked for exist in this checkout`,
      hint: "a shallow clone holds little history: fetch more with git fetch --deepen=<n>",
    });
  const states = new Map(jobs.map((job) => [job.id, prepare(job, options, diagnostics)]));
  const { ordered, blocked } = orderJobs(jobs);
  for (const [id, reason] of blocked) states.get(id)!.reason ??= reason;
  if (revs.length > 0) {
    applyChanges(states, await readTreeAt(repoRoot, revs[0]));
    sign(
      ordered.map((job) => states.get(job.id)!),
      states,
    );
    options.onProgress?.(1, revs.length);
    await streamChanges(repoRoot, revs, (index, changes) => {
      applyChanges(states, changes);
      sign(
        ordered.map((job) => states.get(job.id)!),
        states,
      );
      options.onProgress?.(index + 1, revs.length);
    });
  }
  const results = jobs.map((job) => {
    const state = states.get(job.id)!;
    const runsWith = state.reason === undefined ? state.seen.size : revs.length;
    const saved = revs.length === 0 ? 0 : (revs.length - runsWith) / revs.length;
    return {
      job: job.id,
      runsWithout: revs.length,
      runsWith,
      saved,
      ...(state.reason ? { reason: state.reason } : {}),
    };
  });
  return { commits: revs.length, results, diagnostics };
}

function prepare(job: SignatureJob, options: ReplayOptions, diagnostics: Diagnostic[]): ReplayState {
  const source = expandPatterns(job.id, job.sourceFiles, options.groups);
  const module = expandPatterns(job.id, job.moduleFiles ?? [], options.groups);
  diagnostics.push(...source.diagnostics, ...module.diagnostics);
  const state: ReplayState = {
    job,
    definition: "",
    files: new Map(),
    moduleFiles: new Map(),
    seen: new Set(),
    changed: true,
  };
  const skippable = job.skippable ?? (job.sourceFiles.length > 0 || job.envNames.length > 0);
  if (!skippable) state.reason = "it declares no source_files and no skip_if, so it always runs";
  else if (source.diagnostics.length + module.diagnostics.length > 0)
    state.reason = "its source_files could not be resolved";
  else {
    state.matches = compilePatterns(source.patterns);
    state.matchesModule = compilePatterns(module.patterns);
  }
  try {
    state.definition = canonicalJson(job.definition);
  } catch (error) {
    state.reason ??= `its definition cannot be encoded: ${(error as Error).message}`;
  }
  return state;
}

function applyChanges(states: Map<string, ReplayState>, changes: readonly TreeChange[]): void {
  for (const state of states.values()) {
    if (!state.matches || !state.matchesModule) continue;
    for (const change of changes) {
      for (const [test, files] of [
        [state.matches, state.files],
        [state.matchesModule, state.moduleFiles],
      ] as const) {
        if (!test(change.path)) continue;
        if (change.blob === undefined) files.delete(change.path);
        else files.set(change.path, encodeFileEntry(change.path, change.mode, change.blob));
        state.changed = true;
      }
    }
  }
}

/** Re-signs, in dependency order, the jobs whose files or upstream signatures changed. */
function sign(ordered: ReplayState[], states: Map<string, ReplayState>): void {
  const moved = new Set<string>();
  for (const state of ordered) {
    const upstream = [...state.job.needs, ...(state.job.needsAny ?? [])];
    if (!state.changed && !upstream.some((id) => moved.has(id))) continue;
    state.changed = false;
    const unsigned = upstream.find((id) => states.get(id)?.signature === undefined);
    if (state.reason === undefined && unsigned !== undefined)
      state.reason = `it needs "${unsigned}", which always runs`;
    if (state.reason !== undefined) continue;
    const signatures = (ids: readonly string[]) =>
      Object.fromEntries(ids.map((id) => [id, states.get(id)!.signature!]));
    const signature = hashSignature({
      id: state.job.id,
      definition: state.definition,
      files: fileSectionOf(sortedEntries(state.files)),
      env: [],
      modules: {},
      moduleFiles: fileSectionOf(sortedEntries(state.moduleFiles)),
      needs: signatures(state.job.needs),
      needsAny: signatures(state.job.needsAny ?? []),
    });
    if (signature !== state.signature) moved.add(state.job.id);
    state.signature = signature;
    state.seen.add(signature);
  }
}

function sortedEntries(files: Map<string, Buffer>): Buffer[] {
  return [...files.keys()].sort(comparePaths).map((path) => files.get(path)!);
}
