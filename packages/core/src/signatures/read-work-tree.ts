import { readWorkTreeWithGit } from "./git-index";
import { readWorkTreeFromIndex } from "./index-work-tree";
import type { WorkTree } from "./work-tree";

/** A function that reads the work tree below `repoRoot`, limited to `pathspecs` (literal prefixes). */
export type WorkTreeReader = (repoRoot: string, pathspecs?: readonly string[]) => Promise<WorkTree>;

/** In-process when the index allows it (the fast path), otherwise git's own commands. */
export const readWorkTree: WorkTreeReader = async (repoRoot, pathspecs) =>
  (await readWorkTreeFromIndex(repoRoot, pathspecs)) ?? (await readWorkTreeWithGit(repoRoot, pathspecs));
