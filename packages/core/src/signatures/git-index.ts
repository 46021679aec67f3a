import { comparePaths, isSorted } from "./compare-paths";
import { runGit } from "./run-git";

/** The git settings that change how a work-tree file becomes a blob. */
export interface GitSettings {
  /** `core.autocrlf` (`true`, `input`, or `false` when unset). */
  autocrlf: string;
  /** `core.fileMode`: when false, git keeps the index's executable bit instead of the file's. */
  fileMode: boolean;
  /** `core.symlinks`: when false, symlinks are checked out as plain files holding the target. */
  symlinks: boolean;
  /** `sha1` or `sha256` (`extensions.objectFormat`). */
  objectFormat: "sha1" | "sha256";
}

/**
 * Every file of the work tree that git would commit, sorted by `comparePaths`: tracked files (minus
 * deleted ones) and untracked files that are not ignored. `blobs[i]` is the index's blob id when the
 * file is unchanged; it is undefined when `pending[i]` is 1 (modified, untracked, unmerged, or marked
 * assume-unchanged), and the caller hashes the file from the work tree if a job needs it.
 */
export interface WorkTree {
  paths: string[];
  /** Git modes (`100644`, `100755`, `120000`, `160000`); empty for untracked files until hashed. */
  modes: string[];
  blobs: (string | undefined)[];
  pending: Uint8Array;
  settings: GitSettings;
  /** Paths that are not valid UTF-8 (globs see them with U+FFFD). */
  nonUtf8: string[];
}

/**
 * Reads the index (`git ls-files -s -v`), the modified tracked files (`git diff-files`) and the
 * untracked, not ignored files (`git ls-files -o --exclude-standard`) concurrently, without reading
 * any file content. `pathspecs` (literal prefixes) limit all three to the parts of the tree some job
 * can match: stat-ing only those is what keeps a large repository fast.
 */
export async function readWorkTree(repoRoot: string, pathspecs?: readonly string[]): Promise<WorkTree> {
  const limit = pathspecs ? ["--", ...pathspecs.map((p) => `:(literal)${p}`)] : [];
  const [index, changes, others, config] = await Promise.all([
    runGit(repoRoot, ["ls-files", "-s", "-v", "-z", ...limit]),
    runGit(repoRoot, ["diff-files", "-z", "--name-status", ...limit]),
    runGit(repoRoot, ["ls-files", "-o", "--exclude-standard", "-z", ...limit]),
    runGit(
      repoRoot,
      ["config", "-z", "--get-regexp", "^(core\\.(autocrlf|filemode|symlinks)|extensions\\.objectformat)$"],
      {
        okCodes: [1],
      },
    ),
  ]);
  const nonUtf8: string[] = [];
  const { dirty, deleted } = parseChanges(changes);
  const tree = parseIndex(index, dirty, deleted, nonUtf8);
  const untracked = parsePaths(others, nonUtf8).filter((p) => !p.endsWith("/")); // nested repositories
  return { ...mergeUntracked(tree, untracked), settings: parseSettings(config), nonUtf8 };
}

function decodePath(buffer: Buffer, start: number, end: number, nonUtf8: string[]): string {
  const path = buffer.toString("utf8", start, end);
  if (path.includes("\uFFFD") && !Buffer.from(path).equals(buffer.subarray(start, end))) nonUtf8.push(path);
  return path;
}

function parsePaths(buffer: Buffer, nonUtf8: string[]): string[] {
  const paths: string[] = [];
  let start = 0;
  for (let end = buffer.indexOf(0); end !== -1; start = end + 1, end = buffer.indexOf(0, start))
    paths.push(decodePath(buffer, start, end, nonUtf8));
  return paths;
}

/** `git diff-files --name-status -z`: status and path alternate. */
function parseChanges(buffer: Buffer): { dirty: Set<string>; deleted: Set<string> } {
  const fields = parsePaths(buffer, []);
  const dirty = new Set<string>();
  const deleted = new Set<string>();
  for (let i = 0; i + 1 < fields.length; i += 2) (fields[i] === "D" ? deleted : dirty).add(fields[i + 1]);
  return { dirty, deleted };
}

interface Tracked {
  paths: string[];
  modes: string[];
  blobs: (string | undefined)[];
  pending: number[];
}

/**
 * `<tag> <mode> <blob> <stage>\t<path>`. A lowercase tag means "assume unchanged": git stops looking
 * at the file, so its index blob may be stale and we hash the work tree. Unmerged paths (stage > 0)
 * appear once per stage and are hashed from the work tree.
 */
function parseIndex(buffer: Buffer, dirty: Set<string>, deleted: Set<string>, nonUtf8: string[]): Tracked {
  const tree: Tracked = { paths: [], modes: [], blobs: [], pending: [] };
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
    tree.pending.push(pending ? 1 : 0);
  }
  return tree;
}

function mergeUntracked(tree: Tracked, untracked: string[]): Omit<WorkTree, "settings" | "nonUtf8"> {
  if (!isSorted(tree.paths)) throw new Error("git ls-files returned paths out of order");
  untracked.sort(comparePaths);
  const total = tree.paths.length + untracked.length;
  const out = {
    paths: new Array<string>(total),
    modes: new Array<string>(total),
    blobs: new Array<string | undefined>(total),
  };
  const pending = new Uint8Array(total);
  let t = 0;
  let u = 0;
  for (let i = 0; i < total; i++) {
    if (u < untracked.length && (t >= tree.paths.length || comparePaths(untracked[u], tree.paths[t]) < 0)) {
      out.paths[i] = untracked[u++];
      out.modes[i] = "";
      pending[i] = 1;
    } else {
      out.paths[i] = tree.paths[t];
      out.modes[i] = tree.modes[t];
      out.blobs[i] = tree.blobs[t];
      pending[i] = tree.pending[t++];
    }
  }
  return { ...out, pending };
}

function parseSettings(buffer: Buffer): GitSettings {
  const settings: GitSettings = { autocrlf: "false", fileMode: true, symlinks: true, objectFormat: "sha1" };
  for (const entry of parsePaths(buffer, [])) {
    const newline = entry.indexOf("\n");
    const key = entry.slice(0, newline).toLowerCase();
    const value = newline === -1 ? "true" : entry.slice(newline + 1).toLowerCase();
    const on = !["false", "no", "off", "0", ""].includes(value);
    if (key === "core.autocrlf") settings.autocrlf = on ? (value === "input" ? "input" : "true") : "false";
    else if (key === "core.filemode") settings.fileMode = on;
    else if (key === "core.symlinks") settings.symlinks = on;
    else if (key === "extensions.objectformat") settings.objectFormat = value === "sha256" ? "sha256" : "sha1";
  }
  return settings;
}
