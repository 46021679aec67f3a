import { isCigenRuntimePath } from "./cigen-folders";
import { comparePaths, isSorted } from "./compare-paths";
import type { GitSettings } from "./git-settings";
import type { StatCheck } from "./stat-compare";

/** `WorkTree.pending` values. */
export const PENDING_NONE = 0;
/** Hash the file from the work tree: modified, untracked, unmerged or marked assume-unchanged. */
export const PENDING_HASH = 1;
/** Tracked but gone from the work tree: in no job's files. */
export const PENDING_ABSENT = 2;

/**
 * Every file of the work tree that git would commit, sorted by `comparePaths`: tracked files and
 * untracked files that are not ignored. `blobs[i]` is the index's blob id once the file is known to
 * be unchanged; it stays undefined while `pending[i]` is set, and the caller hashes the file from the
 * work tree if a job needs it.
 *
 * Read by git (`readWorkTreeWithGit`: every tracked path is settled, deleted ones are left out) or
 * in-process (`readWorkTreeFromIndex`: tracked paths stay `unverified` until `markChanged` compares
 * the stat data of the ones some job needs).
 */
export interface WorkTree {
  paths: string[];
  /** Git modes (`100644`, `100755`, `120000`, `160000`); empty for untracked files until hashed. */
  modes: string[];
  blobs: (string | undefined)[];
  pending: Uint8Array;
  /** The in-process reader's index entries, still to be compared with the work tree. */
  unverified?: StatCheck;
  /** Known when git was asked; otherwise read (`readGitSettings`) only if a file must be hashed. */
  settings?: GitSettings;
  /** Paths that are not valid UTF-8 (globs see them with U+FFFD). */
  nonUtf8: string[];
}

/** The tracked side of a work tree, before untracked files are merged in. */
export interface TrackedFiles {
  paths: string[];
  modes: string[];
  blobs: (string | undefined)[];
  pending: number[] | Uint8Array;
}

/**
 * Merges sorted tracked files with untracked ones (any order) into one `comparePaths`-sorted list,
 * leaving out untracked files in cigen's runtime folders (`isCigenRuntimePath`).
 * `from[i]` is the tracked index behind merged path i, or -1 for an untracked path.
 */
export function mergeUntracked(
  tree: TrackedFiles,
  listed: string[],
  options: { sorted?: boolean } = {},
): Pick<WorkTree, "paths" | "modes" | "blobs" | "pending"> & { from: Int32Array } {
  // git's output is checked; the index file is sorted by construction (git refuses it otherwise).
  if (!options.sorted && !isSorted(tree.paths)) throw new Error("the index lists paths out of order");
  const untracked = listed.some(isCigenRuntimePath) ? listed.filter((path) => !isCigenRuntimePath(path)) : listed;
  if (untracked.length === 0) {
    const from = new Int32Array(tree.paths.length);
    for (let i = 0; i < from.length; i++) from[i] = i;
    return { ...tree, pending: Uint8Array.from(tree.pending), from };
  }
  untracked.sort(comparePaths);
  const total = tree.paths.length + untracked.length;
  const out = {
    paths: new Array<string>(total),
    modes: new Array<string>(total),
    blobs: new Array<string | undefined>(total),
    pending: new Uint8Array(total),
    from: new Int32Array(total),
  };
  let t = 0;
  let u = 0;
  for (let i = 0; i < total; i++) {
    if (u < untracked.length && (t >= tree.paths.length || comparePaths(untracked[u], tree.paths[t]) < 0)) {
      out.paths[i] = untracked[u++];
      out.modes[i] = "";
      out.pending[i] = PENDING_HASH;
      out.from[i] = -1;
    } else {
      out.paths[i] = tree.paths[t];
      out.modes[i] = tree.modes[t];
      out.blobs[i] = tree.blobs[t];
      out.pending[i] = tree.pending[t];
      out.from[i] = t++;
    }
  }
  return out;
}
