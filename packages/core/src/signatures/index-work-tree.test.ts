import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  renameSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SignatureCodes } from "./codes";
import { filesOf, inProcess, sameAsGit, selectWith } from "./compare-readers";
import { readWorkTreeWithGit } from "./git-index";
import { readWorkTreeFromIndex } from "./index-work-tree";
import { locateRepository } from "./locate-repository";
import { readWorkTree } from "./read-work-tree";
import {
  commitAll,
  git,
  gitWithInput,
  makeRepo,
  removeTestRepos,
  setIndexBlob,
  tempDir,
  writeFiles,
} from "./test-git-repo";

afterAll(removeTestRepos);

const SRC = [["src/**"]];
const blobOf = (dir: string, text: string) => gitWithInput(dir, text, "hash-object", "--stdin");
const paths = (files: unknown) => (files as [string][]).map((f) => f[0]);

/** Puts a file's mtime years back and has git record that, so no later check is "racy". */
function ageFile(dir: string, path: string): void {
  execFileSync("touch", ["-d", "2020-01-01 00:00:00", join(dir, path)]);
  git(dir, "update-index", "-q", "--refresh");
}

describe("cigen's runtime folders (.cigen/home, .cigen/skip)", () => {
  const ALL = [["**"]];

  it("hold no untracked input for either reader; the rest of .cigen is read as usual", async () => {
    const dir = makeRepo({ "src/a.ts": "a\n" });
    writeFiles(dir, {
      ".cigen/home/.npm/_cacache/index": "x\n",
      ".cigen/skip/test": "ok\n",
      ".cigen/plugins/acme/main.mjs": "m\n",
    });
    expect(paths(filesOf(await sameAsGit(dir, ALL)))).toEqual([".cigen/plugins/acme/main.mjs", "src/a.ts"]);
    expect(paths(filesOf(await sameAsGit(dir, [[".cigen/**"]])))).toEqual([".cigen/plugins/acme/main.mjs"]);
  });

  it("still count files committed there, but not untracked ones beside them", async () => {
    const dir = makeRepo({ "src/a.ts": "a\n", ".cigen/home/keep.txt": "k\n" });
    writeFiles(dir, { ".cigen/home/keep.txt": "changed\n", ".cigen/home/other": "o\n" });
    expect(filesOf(await sameAsGit(dir, ALL))).toEqual([
      [".cigen/home/keep.txt", "100644", blobOf(dir, "changed\n")],
      ["src/a.ts", "100644", blobOf(dir, "a\n")],
    ]);
  });
});

describe("readWorkTreeFromIndex: tracked files", () => {
  it("hashes modified files, drops deleted ones and sees the executable bit, as git add would", async () => {
    const dir = makeRepo({ "src/a.ts": "aaaa\n", "src/b.ts": "b\n", "src/run.sh": "echo\n", "other/x.ts": "x\n" });
    writeFiles(dir, { "src/a.ts": "bbbb\n", "other/x.ts": "y\n" });
    unlinkSync(join(dir, "src/b.ts"));
    chmodSync(join(dir, "src/run.sh"), 0o755);
    expect(filesOf(await sameAsGit(dir, SRC))).toEqual([
      ["src/a.ts", "100644", blobOf(dir, "bbbb\n")],
      ["src/run.sh", "100755", blobOf(dir, "echo\n")],
    ]);
  });

  it("hashes a racily clean file (mtime not older than the index), and trusts stat data otherwise, as git does", async () => {
    const dir = makeRepo({ "src/a.ts": "aaaa\n" });
    const stale = blobOf(dir, "aaaa\n");
    writeFiles(dir, { "src/a.ts": "bbbb\n" });
    git(dir, "add", "src/a.ts");
    ageFile(dir, "src/a.ts");
    // The index now holds the file's exact stat data with the old content's blob.
    setIndexBlob(dir, "src/a.ts", stale);
    const index = join(dir, ".git", "index");
    utimesSync(index, new Date(), new Date());
    expect(filesOf(await sameAsGit(dir, SRC))).toEqual([["src/a.ts", "100644", stale]]);
    // An index no newer than the file: the file may have changed right after git recorded it.
    execFileSync("touch", ["-r", join(dir, "src/a.ts"), index]);
    expect(filesOf(await sameAsGit(dir, SRC))).toEqual([["src/a.ts", "100644", blobOf(dir, "bbbb\n")]]);
  });

  it("sees a same-size edit whose mtime was put back, by its ctime", async () => {
    const dir = makeRepo({ "src/a.ts": "aaaa\n" });
    const file = join(dir, "src/a.ts");
    const reference = join(tempDir(), "reference");
    writeFileSync(reference, "");
    const editKeepingMtime = (content: string) => {
      execFileSync("touch", ["-r", file, reference]);
      const { mtimeMs, size, ino } = statSync(file);
      writeFiles(dir, { "src/a.ts": content });
      execFileSync("touch", ["-r", reference, file]); // the exact old mtime, to the nanosecond
      expect(statSync(file)).toMatchObject({ mtimeMs, size, ino });
    };
    // Right after git recorded the file: only the ctime's fraction of a second differs. git built
    // without USE_NSEC (Debian's, Ubuntu's) compares ctime to the second and misses this edit.
    ageFile(dir, "src/a.ts");
    editKeepingMtime("bbbb\n");
    expect(filesOf(await selectWith(inProcess, dir, SRC))).toEqual([["src/a.ts", "100644", blobOf(dir, "bbbb\n")]]);
    // In a later second every git sees it (core.trustctime, on by default): no user-space call sets ctime.
    ageFile(dir, "src/a.ts");
    await new Promise((resolve) => setTimeout(resolve, 1050 - (Date.now() % 1000)));
    editKeepingMtime("cccc\n");
    expect(git(dir, "diff-files", "--name-only")).toBe("src/a.ts");
    expect(filesOf(await sameAsGit(dir, SRC))).toEqual([["src/a.ts", "100644", blobOf(dir, "cccc\n")]]);
  });

  it("hashes symlinks by their target and drops files behind a directory replaced by a symlink", async () => {
    const dir = makeRepo({ "src/a.ts": "a\n", "src/b.ts": "b\n", "src/sub/x.ts": "x\n" });
    symlinkSync("a.ts", join(dir, "src/link"));
    commitAll(dir, "link");
    unlinkSync(join(dir, "src/link"));
    symlinkSync("b.ts", join(dir, "src/link")); // same size as before
    const moved = join(tempDir(), "moved");
    renameSync(join(dir, "src/sub"), moved);
    symlinkSync(moved, join(dir, "src/sub"));
    expect(filesOf(await sameAsGit(dir, SRC))).toEqual([
      ["src/a.ts", "100644", blobOf(dir, "a\n")],
      ["src/b.ts", "100644", blobOf(dir, "b\n")],
      ["src/link", "120000", blobOf(dir, "b.ts")],
      ["src/sub", "120000", blobOf(dir, moved)],
    ]);
  });

  it("uses the index for skip-worktree files and hashes unmerged and intent-to-add ones", async () => {
    const dir = makeRepo({ "src/a.ts": "base\n", "src/sparse.ts": "s\n" });
    git(dir, "checkout", "-q", "-b", "other");
    writeFiles(dir, { "src/a.ts": "other\n" });
    commitAll(dir, "other");
    git(dir, "checkout", "-q", "main");
    writeFiles(dir, { "src/a.ts": "main\n" });
    commitAll(dir, "main");
    expect(() => git(dir, "merge", "-q", "other")).toThrow(); // a conflict: three stages of src/a.ts
    writeFiles(dir, { "src/new.ts": "new\n", "src/sparse.ts": "ignored by git\n" });
    git(dir, "add", "-N", "src/new.ts");
    git(dir, "update-index", "--skip-worktree", "src/sparse.ts");
    const files = filesOf(await sameAsGit(dir, SRC));
    expect(files.map((f) => f[0])).toEqual(["src/a.ts", "src/new.ts", "src/sparse.ts"]);
    expect(files[0][2]).toBe(git(dir, "hash-object", "src/a.ts")); // the conflict markers
    expect(files[1][2]).toBe(blobOf(dir, "new\n"));
    expect(files[2][2]).toBe(blobOf(dir, "s\n"));
  });

  it("counts a submodule by its checked-out commit, refuses a dirty one, and uses the index's when not checked out", async () => {
    const sub = makeRepo({ "s.txt": "s\n" });
    const dir = makeRepo({ "src/a.ts": "a\n" });
    git(dir, "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub, "mods/sub");
    commitAll(dir, "submodule");
    const recorded = git(dir, "rev-parse", ":mods/sub");
    const MODS = [["mods/**"]];
    expect(filesOf(await sameAsGit(dir, MODS))).toEqual([["mods/sub", "160000", recorded]]);
    const clone = tempDir();
    git(clone, "clone", "-q", dir, ".");
    expect(statSync(join(clone, "mods/sub")).isDirectory()).toBe(true); // empty: not checked out
    expect(filesOf(await sameAsGit(clone, MODS))).toEqual([["mods/sub", "160000", recorded]]);
    const checkedOut = join(dir, "mods/sub");
    writeFiles(checkedOut, { "s.txt": "s2\n" });
    commitAll(checkedOut, "moved on");
    expect(filesOf(await sameAsGit(dir, MODS))).toEqual([["mods/sub", "160000", git(checkedOut, "rev-parse", "HEAD")]]);
    writeFiles(checkedOut, { "s.txt": "dirty\n" });
    const dirty = await sameAsGit(dir, MODS);
    expect(dirty.jobs.job0).toMatch(/uncommitted changes/);
    expect(dirty.codes).toEqual([SignatureCodes.DIRTY_SUBMODULE]);
  });
});

describe("readWorkTreeFromIndex: untracked files", () => {
  it("lists untracked files in the jobs' folders, leaves ignored ones and nested repositories out", async () => {
    const dir = makeRepo({
      "src/a.ts": "a\n",
      "src/f": "was a file\n",
      "other/o.ts": "o\n",
      ".gitignore": "*.log\nbuild/\n",
    });
    writeFiles(dir, { ".git/info/exclude": "secret.ts\n", "src/kept.log": "tracked although ignored\n" });
    git(dir, "add", "-f", "src/kept.log");
    unlinkSync(join(dir, "src/f"));
    writeFiles(dir, {
      "src/new.ts": "n\n",
      "src/deep/er/new.ts": "d\n",
      "src/f/inside.ts": "a directory where a file was\n",
      "src/x.log": "l\n",
      "src/build/out.ts": "o\n",
      "src/secret.ts": "s\n",
      "other/new.ts": "o\n",
      "top.ts": "t\n",
    });
    git(join(dir, "src/deep"), "init", "-q"); // a nested repository: git add leaves it out
    writeFiles(dir, { "src/deep/inner.ts": "i\n" });
    const selection = await sameAsGit(dir, [["src/**"], ["**/*.ts"]]);
    expect(paths(selection.jobs.job0)).toEqual(["src/a.ts", "src/f/inside.ts", "src/kept.log", "src/new.ts"]);
    expect(paths(selection.jobs.job1)).toEqual([
      "other/new.ts",
      "other/o.ts",
      "src/a.ts",
      "src/f/inside.ts",
      "src/new.ts",
      "top.ts",
    ]);
  });

  it("handles names with spaces and characters outside ASCII", async () => {
    const names = ["src/é file.ts", "src/日本/x y.ts", "src/😀.ts", "src/\uffff.ts", "src/a b/c.ts"];
    const dir = makeRepo(Object.fromEntries(names.map((n) => [n, `${n}\n`])));
    writeFiles(dir, { "src/日本/x y.ts": "changed\n", "src/ñ new.ts": "new\n", "src/😀 dir/x.ts": "x\n" });
    const files = filesOf(await sameAsGit(dir, SRC));
    expect(paths(files)).toEqual([
      "src/a b/c.ts",
      "src/é file.ts",
      "src/ñ new.ts",
      "src/日本/x y.ts",
      "src/\uffff.ts",
      "src/😀 dir/x.ts",
      "src/😀.ts",
    ]);
    expect(files[3][2]).toBe(blobOf(dir, "changed\n"));
  });
});

describe("readWorkTreeFromIndex: layouts", () => {
  it("reads from a subdirectory the paths below it, relative to it, with their changes", async () => {
    const dir = makeRepo({ "app/src/a.ts": "a\n", "app/cigen.yml": "jobs: {}\n", "lib/l.ts": "l\n" });
    writeFiles(dir, { "app/src/a.ts": "a2\n", "app/src/n.ts": "n\n", "lib/l.ts": "l2\n" });
    const app = join(dir, "app");
    expect(filesOf(await sameAsGit(app, SRC))).toEqual([
      ["src/a.ts", "100644", blobOf(dir, "a2\n")],
      ["src/n.ts", "100644", blobOf(dir, "n\n")],
    ]);
    expect(paths(filesOf(await sameAsGit(app, [["**"]])))).toEqual(["cigen.yml", "src/a.ts", "src/n.ts"]);
  });

  it("reads index version 4, linked worktrees and sha256 repositories in-process", async () => {
    const dir = makeRepo({ "src/a.ts": "a\n", "src/b/c.ts": "c\n" });
    git(dir, "update-index", "--index-version", "4");
    writeFiles(dir, { "src/a.ts": "a2\n", "src/b/new.ts": "n\n" });
    expect(paths(filesOf(await sameAsGit(dir, SRC)))).toEqual(["src/a.ts", "src/b/c.ts", "src/b/new.ts"]);
    const worktree = join(tempDir(), "wt");
    git(dir, "worktree", "add", "-q", worktree);
    writeFiles(worktree, { "src/a.ts": "in the worktree\n" });
    expect(filesOf(await sameAsGit(worktree, SRC))[0]).toEqual([
      "src/a.ts",
      "100644",
      blobOf(dir, "in the worktree\n"),
    ]);
    const sha256 = tempDir();
    git(sha256, "init", "-q", "--object-format=sha256");
    writeFiles(sha256, { "src/a.ts": "a\n" });
    commitAll(sha256, "initial");
    writeFiles(sha256, { "src/b.ts": "b\n" });
    const files = filesOf(await sameAsGit(sha256, SRC));
    expect(files.map((f) => f[2])).toEqual([
      git(sha256, "rev-parse", ":src/a.ts"),
      gitWithInput(sha256, "b\n", "hash-object", "--stdin"),
    ]);
    expect(files[0][2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves split and sparse indexes and relocating variables to git", async () => {
    const dir = makeRepo({ "src/a.ts": "a\n", "other/b.ts": "b\n" });
    writeFiles(dir, { "src/a.ts": "a2\n" });
    git(dir, "update-index", "--split-index");
    expect(await readWorkTreeFromIndex(dir)).toBeUndefined();
    const viaGit = await readWorkTreeWithGit(dir);
    expect((await readWorkTree(dir)).paths).toEqual(viaGit.paths);
    expect(await selectWith(readWorkTree, dir, SRC)).toEqual(await selectWith(readWorkTreeWithGit, dir, SRC));
    const sparse = makeRepo({ "src/a.ts": "a\n", "other/deep/b.ts": "b\n" });
    git(sparse, "sparse-checkout", "set", "--cone", "--sparse-index", "src");
    expect(await readWorkTreeFromIndex(sparse)).toBeUndefined();
    expect(await selectWith(readWorkTree, sparse, SRC)).toEqual(await selectWith(readWorkTreeWithGit, sparse, SRC));
    expect(locateRepository(dir, {})).toBeDefined();
    expect(locateRepository(dir, { GIT_DIR: join(dir, ".git") })).toBeUndefined();
    expect(locateRepository(dir, { GIT_INDEX_FILE: join(dir, "other-index") })).toBeUndefined();
    const notRepository = tempDir();
    mkdirSync(join(notRepository, "x"));
    expect(await readWorkTreeFromIndex(join(notRepository, "x"))).toBeUndefined();
  });
});
