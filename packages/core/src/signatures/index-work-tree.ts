import { findUntracked } from "./find-untracked";
import {
  ENTRY_ASSUME_VALID,
  ENTRY_INTENT_TO_ADD,
  entryMode,
  type IndexEntries,
  readIndex,
  UnsupportedIndex,
} from "./index-file";
import { locateRepository } from "./locate-repository";
import { mergeUntracked, PENDING_HASH, type TrackedFiles, type WorkTree } from "./work-tree";

/**
 * The work tree read without starting git in the common case: `.git/index` parsed in-process, the
 * untracked files found by walking the jobs' folders (`findUntracked`), and the stat comparison
 * left to `markChanged`, which runs only for the files some job needs.
 *
 * Why: each git command on a 100,000-file repository costs about what `git ls-files -s` costs (it
 * loads the whole index, then stats or walks), and three of them made signatures 6.6x that command.
 *
 * Undefined when git must answer instead: an environment that relocates the repository, an index
 * format this reader does not follow (split or sparse index, unknown required extension, bad
 * checksum, version other than 2-4), no index yet, or paths that are not valid UTF-8.
 */
export async function readWorkTreeFromIndex(
  repoRoot: string,
  pathspecs?: readonly string[],
): Promise<WorkTree | undefined> {
  const layout = locateRepository(repoRoot);
  if (layout === undefined) return undefined;
  try {
    const entries = readIndex(layout.indexFile, layout.hashBytes, { base: layout.base, under: pathspecs });
    if (entries === undefined) return undefined;
    const root = `${layout.top === "/" ? "" : layout.top}/${layout.base}`;
    const { files, entryOf, gitlinks } = trackedFiles(entries);
    const untracked = await findUntracked(root, { paths: files.paths, gitlinks }, pathspecs);
    const { from, ...merged } = mergeUntracked(files, untracked.paths, { sorted: true });
    const reachable = new Uint8Array(from.length);
    const mergedEntryOf = new Int32Array(from.length);
    for (let i = 0; i < from.length; i++) {
      mergedEntryOf[i] = from[i] < 0 ? -1 : entryOf[from[i]];
      reachable[i] = from[i] < 0 ? 0 : untracked.reachable[from[i]];
    }
    return {
      ...merged,
      unverified: { entries, entryOf: mergedEntryOf, reachable, root },
      nonUtf8: untracked.nonUtf8,
    };
  } catch (error) {
    // Unreadable parts of the index or the work tree (EIO, EACCES): git reports them its own way.
    if (error instanceof UnsupportedIndex || typeof (error as NodeJS.ErrnoException).code === "string")
      return undefined;
    throw error;
  }
}

const GITLINK = 0o160000;
const modeNames = new Map<number, string>();

function modeName(mode: number): string {
  let name = modeNames.get(mode);
  if (name === undefined) {
    name = mode.toString(8).padStart(6, "0");
    modeNames.set(mode, name);
  }
  return name;
}

/**
 * One path per tracked file (an unmerged path has an entry per stage: it is hashed from the work
 * tree). Files git stops looking at (assume-unchanged) or that are only announced (`git add -N`) are
 * hashed from the work tree, as `git diff-files` would report them.
 */
function trackedFiles(entries: IndexEntries): { files: TrackedFiles; entryOf: Int32Array; gitlinks: Uint8Array } {
  const count = entries.paths.length;
  // Without unmerged entries the index has one entry per path, and its path list is used as is.
  const stages = entries.stages.subarray(0, count).some((stage) => stage !== 0);
  const paths = stages ? [] : entries.paths;
  const modes = new Array<string>(count);
  const pending = new Uint8Array(count);
  const entryOf = new Int32Array(count);
  const gitlinks = new Uint8Array(count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    if (stages && n > 0 && paths[n - 1] === entries.paths[k]) {
      pending[n - 1] = PENDING_HASH;
      continue;
    }
    if (stages) paths.push(entries.paths[k]);
    const mode = entryMode(entries, k);
    modes[n] = mode === 0o100644 ? "100644" : modeName(mode);
    const hash = entries.stages[k] !== 0 || (entries.flags[k] & (ENTRY_ASSUME_VALID | ENTRY_INTENT_TO_ADD)) !== 0;
    pending[n] = hash ? PENDING_HASH : 0;
    entryOf[n] = k;
    gitlinks[n] = mode === GITLINK ? 1 : 0;
    n++;
  }
  modes.length = n;
  return { files: { paths, modes, blobs: new Array(n), pending: pending.subarray(0, n) }, entryOf, gitlinks };
}
