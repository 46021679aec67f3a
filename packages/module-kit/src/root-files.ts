import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

/**
 * The names of the files at the repository root that a checkout has: tracked and untracked, but
 * not ignored, as `git ls-files` lists them (the same rule as Detect's snapshot). Plan gets no
 * snapshot, and reading the folder instead would see what .gitignore keeps out of CI, such as a
 * library's ignored Cargo.lock, and emit steps for files CI never has. Outside a git repository
 * (`cigen init` in a fresh folder) the folder's files are listed.
 */
export function rootFileNames(root: string): Set<string> {
  try {
    const out = execFileSync(
      "git",
      ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ":(glob)*"],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    return new Set(out.split("\0").filter(Boolean));
  } catch {
    try {
      return new Set(
        readdirSync(root, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name),
      );
    } catch {
      return new Set();
    }
  }
}

/** The root-level names among a snapshot's repository-relative paths. */
export function rootNamesOf(files: readonly string[]): Set<string> {
  return new Set(files.filter((f) => !f.includes("/")));
}
