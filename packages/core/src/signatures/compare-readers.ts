/** Test support: the files jobs select, read in-process and by git, for comparing the two readers. */
import { expect } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { FileInput } from "./encoded-files";
import { readWorkTreeWithGit } from "./git-index";
import { readWorkTreeFromIndex } from "./index-work-tree";
import { expandPatterns } from "./match-files";
import type { WorkTreeReader } from "./read-work-tree";
import { selectFiles } from "./select-files";

/** The in-process reader, failing instead of falling back to git (a test must know which one ran). */
export const inProcess: WorkTreeReader = async (root, pathspecs) => {
  const tree = await readWorkTreeFromIndex(root, pathspecs);
  if (tree === undefined) throw new Error(`the in-process reader gave up on ${root}`);
  return tree;
};

export interface Selection {
  /** Per job: its files, or why they cannot be known. */
  jobs: Record<string, FileInput[] | string>;
  /** Warning and error codes. */
  codes: string[];
}

/** What each glob list (one per job) selects in `dir`, read with `reader`. */
export async function selectWith(reader: WorkTreeReader, dir: string, globs: string[][]): Promise<Selection> {
  const jobs = globs.map((list, i) => ({
    id: `job${i}`,
    source: expandPatterns(`job${i}`, list, {}).patterns,
    module: [],
  }));
  const diagnostics: Diagnostic[] = [];
  const selected = await selectFiles(dir, jobs, diagnostics, reader);
  return {
    jobs: Object.fromEntries(
      jobs.map((job) => [
        job.id,
        selected.failures.get(job.id) ?? selected.encoded.list(selected.masks.get(job.id)!.source),
      ]),
    ),
    codes: diagnostics.map((d) => d.code).sort(),
  };
}

/** Selects with both readers, expects the same answer, and returns it. */
export async function sameAsGit(dir: string, globs: string[][]): Promise<Selection> {
  const ours = await selectWith(inProcess, dir, globs);
  const gits = await selectWith(readWorkTreeWithGit, dir, globs);
  expect(ours).toEqual(gits);
  return ours;
}

/** The files of the only job in a selection. */
export function filesOf(selection: Selection): FileInput[] {
  const files = selection.jobs.job0;
  if (typeof files === "string") throw new Error(`no files: ${files}`);
  return files;
}
