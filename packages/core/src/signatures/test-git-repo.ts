/** Test support: real git repositories in temporary directories. Not exported from the package. */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const made: string[] = [];

/** Runs git in `dir` and returns its trimmed output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", ...args], {
    cwd: dir,
    encoding: "utf8",
  }).trim();
}

/** Runs git in `dir` with `input` on its standard input. */
export function gitWithInput(dir: string, input: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
    cwd: dir,
    encoding: "utf8",
    input,
  }).trim();
}

/** A fresh temporary directory, removed by `removeTestRepos`. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cigen-sig-"));
  made.push(dir);
  return dir;
}

/** Writes files (creating folders) relative to `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A repository with `files` committed in one commit. */
export function makeRepo(files: Record<string, string>): string {
  const dir = tempDir();
  git(dir, "init", "-q");
  writeFiles(dir, files);
  commitAll(dir, "initial");
  return dir;
}

/** Stages everything (deletions included) and commits it. */
export function commitAll(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--allow-empty", "-m", message);
}

export function removeTestRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Rewrites `dir`'s index with the object id of `path`'s entry (one without extended flags) replaced and the
 * checksum made valid again: the state git leaves when a file changes between being hashed and
 * being stat-ed.
 */
export function setIndexBlob(dir: string, path: string, blob: string): void {
  const file = join(dir, ".git", "index");
  const bytes = readFileSync(file);
  const name = Buffer.from(`${path}\0`);
  for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1)) {
    if ((bytes.readUInt16BE(at - 2) & 0xfff) !== name.length - 1) continue;
    Buffer.from(blob, "hex").copy(bytes, at - 22);
    createHash("sha1")
      .update(bytes.subarray(0, bytes.length - 20))
      .digest()
      .copy(bytes, bytes.length - 20);
    writeFileSync(file, bytes);
    return;
  }
  throw new Error(`no index entry for ${path}`);
}
