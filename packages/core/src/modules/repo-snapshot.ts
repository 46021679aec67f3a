import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** A walk outside git stops here: detection needs the shape of a project, not every file of a huge tree. */
const WALK_LIMIT = 50_000;
const NEVER_WALKED = new Set([".git", "node_modules", "vendor", "target", "dist", ".venv", "__pycache__"]);

/**
 * The repository's files (tracked and untracked, not ignored) that modules detect from. git knows
 * them without a walk and honours .gitignore; a folder that is not a repository yet (`cigen init`
 * in a fresh project) is walked instead, skipping dependency and build folders.
 */
export async function repoFiles(root: string): Promise<string[]> {
  try {
    const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    });
    return [...new Set(stdout.split("\0").filter(Boolean))].sort();
  } catch {
    return walk(root);
  }
}

async function walk(root: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [""];
  while (pending.length && files.length < WALK_LIMIT) {
    const dir = pending.shift()!;
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!NEVER_WALKED.has(e.name)) pending.push(path);
      } else if (e.isFile()) files.push(path);
    }
  }
  return files.sort();
}
