import { decodePath, parsePaths } from "./git-paths";
import { readGitSettings } from "./git-settings";
import { runGit } from "./run-git";
import { mergeUntracked, PENDING_HASH, type TrackedFiles, type WorkTree } from "./work-tree";

/**
 * The work tree as git reports it: the index (`git ls-files -s -v`), the modified tracked files
 * (`git diff-files`) and the untracked, not ignored files (`git ls-files -o --exclude-standard`),
 * concurrently, without reading any file content. `pathspecs` (literal prefixes) limit all three to
 * the parts of the tree some job can match. Used when the index cannot be read in-process
 * (`readWorkTreeFromIndex` says which cases), and as the reference the in-process reader is tested
 * against.
 */
export async function readWorkTreeWithGit(repoRoot: string, pathspecs?: readonly string[]): Promise<WorkTree> {
  const limit = pathspecs ? ["--", ...pathspecs.map((p) => `:(literal)${p}`)] : [];
  const [index, changes, others, settings] = await Promise.all([
    runGit(repoRoot, ["ls-files", "-s", "-v", "-z", ...limit]),
    // --relative: diff-files names paths from the top of the repository, ls-files from the current
    // directory; without it a cigen.yml in a subdirectory would never see its modified files.
    runGit(repoRoot, ["diff-files", "--relative", "-z", "--name-status", ...limit]),
    runGit(repoRoot, ["ls-files", "-o", "--exclude-standard", "-z", ...limit]),
    readGitSettings(repoRoot),
  ]);
  const nonUtf8: string[] = [];
  const { dirty, deleted } = parseChanges(changes);
  const tree = parseIndex(index, dirty, deleted, nonUtf8);
  const untracked = parsePaths(others, nonUtf8).filter((p) => !p.endsWith("/")); // nested repositories
  const { from: _, ...merged } = mergeUntracked(tree, untracked);
  return { ...merged, settings, nonUtf8 };
}

/** `git diff-files --name-status -z`: status and path alternate; D is deleted, anything else dirty. */
function parseChanges(buffer: Buffer): { dirty: Set<string>; deleted: Set<string> } {
  const fields = parsePaths(buffer, []);
  const dirty = new Set<string>();
  const deleted = new Set<string>();
  for (let i = 0; i + 1 < fields.length; i += 2) (fields[i] === "D" ? deleted : dirty).add(fields[i + 1]);
  return { dirty, deleted };
}

/**
 * `<tag> <mode> <blob> <stage>\t<path>`. A lowercase tag means "assume unchanged": git stops looking
 * at the file, so its index blob may be stale and we hash the work tree. Unmerged paths (stage > 0)
 * appear once per stage and are hashed from the work tree.
 */
function parseIndex(buffer: Buffer, dirty: Set<string>, deleted: Set<string>, nonUtf8: string[]): TrackedFiles {
  const tree: TrackedFiles & { pending: number[] } = { paths: [], modes: [], blobs: [], pending: [] };
  let start = 0;
  for (let end = buffer.indexOf(0); end !== -1; start = end + 1, end = buffer.indexOf(0, start)) {
    const tab = buffer.indexOf(9, start);
    const path = decodePath(buffer, tab + 1, end, nonUtf8);
    if (deleted.has(path)) continue;
    const last = tree.paths.length - 1;
    if (last >= 0 && tree.paths[last] === path) continue; // another stage of an unmerged path
    const tag = buffer[start];
    const stage = buffer[tab - 1];
    const pending = dirty.has(path) || stage !== 0x30 || (tag >= 0x61 && tag <= 0x7a);
    tree.paths.push(path);
    tree.modes.push(buffer.toString("latin1", start + 2, start + 8));
    tree.blobs.push(pending ? undefined : buffer.toString("latin1", start + 9, tab - 2));
    tree.pending.push(pending ? PENDING_HASH : 0);
  }
  return tree;
}
