/** Temporary project folders for end-to-end tests, removed after each test file. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Creates a folder with the given files (path -> content) and returns its path. */
export function tempRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cigen-test-"));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Creates a git repository with the given files, uncommitted (git lists untracked files too). */
export function tempGitRepo(files: Record<string, string>): string {
  const dir = tempRepo(files);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}
