import { runGit } from "./run-git";

/** One path's new state in a commit: `blob` undefined means the path was deleted. */
export interface TreeChange {
  path: string;
  mode: string;
  blob?: string;
}

/** Every file of `commit`'s tree (`git ls-tree -r`), as changes from an empty tree. */
export async function readTreeAt(repoRoot: string, commit: string): Promise<TreeChange[]> {
  const out = await runGit(repoRoot, ["ls-tree", "-r", "-z", "--full-tree", commit]);
  const changes: TreeChange[] = [];
  let start = 0;
  for (let end = out.indexOf(0); end !== -1; start = end + 1, end = out.indexOf(0, start)) {
    // <mode> SP <type> SP <object> TAB <path>
    const tab = out.indexOf(9, start);
    const [mode, , blob] = out.toString("latin1", start, tab).split(" ");
    changes.push({ path: out.toString("utf8", tab + 1, end), mode, blob });
  }
  return changes;
}

/**
 * Streams the changes between each commit of `revs` (oldest first) and the one before it, through
 * a single `git diff-tree --stdin` process, calling `onCommit(i, changes)` for i = 1..n-1 in order.
 * `--always` makes git print a header even for a commit that changes nothing.
 */
export async function streamChanges(
  repoRoot: string,
  revs: readonly string[],
  onCommit: (index: number, changes: TreeChange[]) => void,
): Promise<void> {
  if (revs.length < 2) return;
  const input = revs
    .slice(1)
    .map((rev, i) => `${rev} ${revs[i]}\n`)
    .join("");
  const out = await runGit(repoRoot, ["diff-tree", "--stdin", "-r", "-z", "--no-renames", "--always"], {
    input,
  });
  const perCommit = parseDiffTree(out, revs.length - 1);
  for (let i = 0; i < perCommit.length; i++) onCommit(i + 1, perCommit[i]);
}

/**
 * Output: per commit a header (`<commit>\0`), then
 * records `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0`.
 */
function parseDiffTree(out: Buffer, commits: number): TreeChange[][] {
  const all: TreeChange[][] = [];
  let current: TreeChange[] | undefined;
  let start = 0;
  for (let end = out.indexOf(0); end !== -1; start = end + 1, end = out.indexOf(0, start)) {
    if (out[start] !== 0x3a) {
      current = [];
      all.push(current);
      continue;
    }
    const [, mode, , blob, status] = out.toString("latin1", start + 1, end).split(" ");
    const pathEnd = out.indexOf(0, end + 1);
    const path = out.toString("utf8", end + 1, pathEnd);
    current?.push(status === "D" ? { path, mode } : { path, mode, blob });
    end = pathEnd;
  }
  if (all.length !== commits) throw new Error(`git diff-tree reported ${all.length} commits, expected ${commits}`);
  return all;
}
