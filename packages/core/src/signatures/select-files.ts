import type { Diagnostic } from "../diagnostics/diagnostic";
import { SignatureCodes } from "./codes";
import { EncodedFiles } from "./encoded-files";
import { readGitSettings } from "./git-settings";
import { type HashOutcome, hashWorkTree, type PendingFile } from "./hash-work-tree";
import { type FilePattern, literalPrefix, PathMatcher } from "./match-files";
import { readWorkTree, type WorkTreeReader } from "./read-work-tree";
import { markChanged } from "./stat-compare";
import { PENDING_ABSENT, PENDING_HASH, type WorkTree } from "./work-tree";

/** A job's ordered patterns: its own source files, and the files its modules add. */
export interface JobPatterns {
  id: string;
  source: FilePattern[];
  module: FilePattern[];
}

/** The files each job's signature covers, ready to hash; or, per job, why they cannot be known. */
export interface SelectedFiles {
  encoded: EncodedFiles;
  masks: Map<string, { source: Uint8Array; module: Uint8Array }>;
  failures: Map<string, string>;
}

/**
 * Reads the work tree once for all jobs, matches every job's globs against it, and hashes only the
 * modified or untracked files that some job matches. Clean tracked files keep the index's blob id.
 */
export async function selectFiles(
  repoRoot: string,
  jobs: readonly JobPatterns[],
  diagnostics: Diagnostic[],
  reader: WorkTreeReader = readWorkTree,
): Promise<SelectedFiles> {
  const tree = await reader(repoRoot, pathspecsFor(jobs));
  for (const path of tree.nonUtf8)
    diagnostics.push({
      severity: "warning",
      code: SignatureCodes.NON_UTF8_PATH,
      message: `path "${path}" is not valid UTF-8`,
    });
  const matcher = new PathMatcher(tree.paths);
  const masks = new Map(
    jobs.map((job) => [job.id, { source: matcher.select(job.source), module: matcher.select(job.module) }]),
  );
  const needed = new Uint8Array(tree.paths.length);
  for (const { source, module } of masks.values())
    for (let i = 0; i < needed.length; i++) needed[i] |= source[i] | module[i];
  markChanged(tree, needed);
  const failures = await resolvePending(repoRoot, tree, needed, masks, diagnostics);
  return { encoded: new EncodedFiles(tree.paths, tree.modes, tree.blobs, needed), masks, failures };
}

/**
 * Literal prefixes that contain every path any job can match, or undefined when some glob can match
 * anywhere (then git looks at the whole tree). Negations only remove files, so they add nothing.
 */
function pathspecsFor(jobs: readonly JobPatterns[]): string[] | undefined {
  const prefixes = new Set<string>();
  for (const job of jobs) {
    for (const pattern of [...job.source, ...job.module]) {
      if (pattern.negated) continue;
      const prefix = literalPrefix(pattern.glob);
      if (prefix === undefined) return undefined;
      prefixes.add(prefix);
    }
  }
  // A prefix inside another adds nothing; thousands of them would overflow the command line.
  const sorted = [...prefixes].sort();
  const kept = sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}/`)));
  return kept.length === 0 || kept.length > 1000 ? undefined : kept;
}

/** Hashes the needed pending files into `tree`; returns, per job, why its files cannot be known. */
async function resolvePending(
  repoRoot: string,
  tree: WorkTree,
  needed: Uint8Array,
  masks: SelectedFiles["masks"],
  diagnostics: Diagnostic[],
): Promise<Map<string, string>> {
  const pending: PendingFile[] = [];
  const at = new Map<string, number>();
  const outcomes = new Map<string, HashOutcome>();
  for (let i = 0; i < needed.length; i++) {
    if (!needed[i] || !tree.pending[i]) continue;
    at.set(tree.paths[i], i);
    if (tree.pending[i] === PENDING_ABSENT) outcomes.set(tree.paths[i], "absent");
    else if (tree.pending[i] === PENDING_HASH) pending.push({ path: tree.paths[i], indexMode: tree.modes[i] });
  }
  const failures = new Map<string, string>();
  if (pending.length > 0) {
    const settings = tree.settings ?? readGitSettings(repoRoot);
    for (const [path, outcome] of await hashWorkTree(repoRoot, pending, settings)) outcomes.set(path, outcome);
  }
  for (const [path, outcome] of outcomes) {
    const i = at.get(path)!;
    if (outcome !== "absent" && "blob" in outcome) {
      tree.modes[i] = outcome.mode;
      tree.blobs[i] = outcome.blob;
      continue;
    }
    // Absent (deleted since git listed it) or unknowable: out of every job's set either way.
    needed[i] = 0;
    for (const [id, mask] of masks) {
      const matched = mask.source[i] || mask.module[i];
      mask.source[i] = 0;
      mask.module[i] = 0;
      if (matched && outcome !== "absent" && !failures.has(id)) failures.set(id, outcome.message);
    }
    if (outcome !== "absent")
      diagnostics.push({
        severity: "warning",
        code: outcome.code,
        message: outcome.message,
        hint: "jobs that match it always run",
      });
  }
  return failures;
}
