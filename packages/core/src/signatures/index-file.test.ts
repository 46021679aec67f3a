import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ENTRY_SKIP_WORKTREE,
  entryBlob,
  entryMode,
  type IndexSelection,
  readIndex,
  UnsupportedIndex,
} from "./index-file";
import { git, gitWithInput, makeRepo, removeTestRepos } from "./test-git-repo";

afterAll(removeTestRepos);

interface Entry {
  path: string;
  mode: string;
  blob: string;
  stage: number;
  ctime: string;
  mtime: string;
  ino: number;
  uid: number;
  gid: number;
  size: number;
}

/** git's own view of the index, stat data included (`ls-files --debug`). */
function gitEntries(dir: string): Entry[] {
  const text = git(dir, "-c", "core.quotepath=false", "ls-files", "-s", "--debug");
  const out: Entry[] = [];
  const pattern =
    /^(\d+) ([0-9a-f]+) (\d)\t(.*)\n {2}ctime: (\d+:\d+)\n {2}mtime: (\d+:\d+)\n {2}dev: \d+\tino: (\d+)\n {2}uid: (\d+)\tgid: (\d+)\n {2}size: (\d+)/gm;
  for (const m of text.matchAll(pattern))
    out.push({
      path: m[4],
      mode: m[1],
      blob: m[2],
      stage: Number(m[3]),
      ctime: m[5],
      mtime: m[6],
      ino: Number(m[7]),
      uid: Number(m[8]),
      gid: Number(m[9]),
      size: Number(m[10]),
    });
  return out;
}

function ourEntries(dir: string, selection: IndexSelection = { base: "" }): Entry[] {
  const entries = readIndex(join(dir, ".git", "index"), 20, selection);
  if (!entries) throw new Error("no index");
  const word = (k: number, at: number) => entries.fixed.readUInt32BE(k * entries.fixedBytes + at);
  return entries.paths.map((path, k) => ({
    path,
    mode: entryMode(entries, k).toString(8).padStart(6, "0"),
    blob: entryBlob(entries, k),
    stage: entries.stages[k],
    ctime: `${word(k, 0)}:${word(k, 4)}`,
    mtime: `${word(k, 8)}:${word(k, 12)}`,
    ino: word(k, 20),
    uid: word(k, 28),
    gid: word(k, 32),
    size: word(k, 36),
  }));
}

/** Rewrites the index with `edit` applied and a correct checksum (as a writer with a bug would). */
function patchIndex(dir: string, edit: (bytes: Buffer) => void): void {
  const file = join(dir, ".git", "index");
  const bytes = readFileSync(file);
  edit(bytes);
  createHash("sha1")
    .update(bytes.subarray(0, bytes.length - 20))
    .digest()
    .copy(bytes, bytes.length - 20);
  writeFileSync(file, bytes);
}

const FILES = {
  "a.txt": "a\n",
  "b/é x.txt": "é\n",
  "b/deep/er/still/c.ts": "c\n",
  "b/deep/er/still/d.ts": "d\n",
  "b/deep/other.ts": "o\n",
  "z/😀.md": "smile\n",
};

describe("readIndex", () => {
  it("reads versions 2, 3 and 4 (path compression) with the stat data git recorded", () => {
    const dir = makeRepo(FILES);
    git(dir, "update-index", "--chmod=+x", "b/deep/other.ts");
    // Three stages of one path (a conflict), and a skip-worktree bit, which needs version 3 or 4.
    const blob = git(dir, "rev-parse", ":a.txt");
    gitWithInput(dir, `100644 ${blob} 1\tb/x\n100644 ${blob} 3\tb/x\n`, "update-index", "--index-info");
    expect(gitEntries(dir)).toHaveLength(Object.keys(FILES).length + 2);
    for (const version of [2, 3, 4]) {
      git(dir, "update-index", "--index-version", String(version));
      if (version === 3) git(dir, "update-index", "--skip-worktree", "a.txt");
      expect(readFileSync(join(dir, ".git", "index")).readUInt32BE(4)).toBe(version);
      expect(ourEntries(dir)).toEqual(gitEntries(dir));
    }
    const entries = readIndex(join(dir, ".git", "index"), 20, { base: "" })!;
    expect(entries.flags[entries.paths.indexOf("a.txt")] & ENTRY_SKIP_WORKTREE).toBeTruthy();
    expect(entries.paths.filter((p) => p === "b/x")).toHaveLength(2);
  });

  it("reads paths of 0xFFF bytes and more, stored without their length", () => {
    const dir = makeRepo(FILES);
    const blob = git(dir, "rev-parse", ":a.txt");
    const long = `${Array.from({ length: 24 }, (_, i) => `${i}`.padStart(200, "x")).join("/")}/end.txt`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(0xfff);
    git(dir, "update-index", "--add", "--cacheinfo", `100644,${blob},${long}`);
    expect(gitEntries(dir).map((e) => e.path)).toContain(long);
    for (const version of [2, 4]) {
      git(dir, "update-index", "--index-version", String(version));
      expect(ourEntries(dir)).toEqual(gitEntries(dir));
    }
  });

  it("selects a path and what is below it, not its siblings that share a prefix", () => {
    const names = ["a-b/x", "a.b", "a/x", "a/y/z", "a0", "ab", "b.c", "b/a", "c/a/x", "c/a-x"];
    const dir = makeRepo(Object.fromEntries(names.map((n) => [n, `${n}\n`])));
    const all = gitEntries(dir);
    const under = (prefixes: string[]) =>
      all.filter((e) => prefixes.some((p) => e.path === p || e.path.startsWith(`${p}/`))).map((e) => e.path);
    expect(under(["a", "a-b"])).toEqual(["a-b/x", "a/x", "a/y/z"]);
    for (const version of [2, 4]) {
      git(dir, "update-index", "--index-version", String(version));
      for (const prefixes of [["a"], ["a", "a-b"], ["a.b", "b"], ["c/a"], ["nothing"], ["a", "a/x"]])
        expect(
          ourEntries(dir, { base: "", under: prefixes }).map((e) => e.path),
          prefixes.join(),
        ).toEqual(under(prefixes));
      // Below a subdirectory: its paths, relative to it.
      expect(ourEntries(dir, { base: "c/" }).map((e) => e.path)).toEqual(["a-x", "a/x"]);
      expect(ourEntries(dir, { base: "c/", under: ["a"] }).map((e) => e.path)).toEqual(["a/x"]);
    }
  });

  it("refuses a damaged index, a split index and unknown versions, and accepts a zero checksum", () => {
    const dir = makeRepo(FILES);
    const file = join(dir, ".git", "index");
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[20] ^= 1; // a stat byte of the first entry
    writeFileSync(file, flipped);
    expect(() => ourEntries(dir)).toThrow(UnsupportedIndex);
    // index.skipHash (git 2.40+) writes no checksum: zeros, which git then does not check.
    flipped.fill(0, flipped.length - 20);
    writeFileSync(file, flipped);
    expect(ourEntries(dir).map((e) => e.path)).toEqual(Object.keys(FILES).sort());
    writeFileSync(file, good);
    patchIndex(dir, (bytes) => bytes.writeUInt32BE(5, 4));
    expect(() => ourEntries(dir)).toThrow(/version 5/);
    writeFileSync(file, good);
    git(dir, "update-index", "--split-index");
    expect(() => ourEntries(dir)).toThrow(/extension "link"/);
    expect(readIndex(join(dir, "missing"), 20, { base: "" })).toBeUndefined();
  });
});
