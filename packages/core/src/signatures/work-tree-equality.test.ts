/**
 * The in-process reader against git's own commands on randomized repositories: random paths
 * (Unicode, spaces, dotfiles, shared prefixes), index versions, and random edits of every kind
 * the readers tell apart. Every seed must give both readers the same files for random globs.
 * (Not here: an edit that puts the old mtime back, which git built without USE_NSEC misses when
 * it lands in the second git recorded; index-work-tree.test.ts covers it.)
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, symlinkSync, unlinkSync, utimesSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { sameAsGit } from "./compare-readers";
import { commitAll, git, makeRepo, removeTestRepos, writeFiles } from "./test-git-repo";

afterAll(removeTestRepos);

const NAMES = ["a", "b c", "é", "日本", "😀", ".dot", "x-y", "x.y", "x", "y0", "ab"];
const EXTENSIONS = [".ts", ".md", ".log", ""];

function generator(seed: number) {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * n); // the high bits: an LCG's low bits repeat quickly
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)];
  return { next, pick };
}

/** Random paths where no file is also another path's directory. */
function randomPaths(random: ReturnType<typeof generator>, count: number): string[] {
  const files = new Set<string>();
  const dirs = new Set<string>();
  while (files.size < count) {
    const depth = 1 + random.next(3);
    const parts = Array.from({ length: depth }, () => random.pick(NAMES));
    const path = `${parts.join("/")}${random.pick(EXTENSIONS)}`;
    const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
    if (files.has(path) || dirs.has(path) || parents.some((p) => files.has(p))) continue;
    files.add(path);
    for (const p of parents) dirs.add(p);
  }
  return [...files];
}

function randomGlobs(random: ReturnType<typeof generator>, paths: string[]): string[][] {
  const someDir = () => dirname(random.pick(paths.filter((p) => p.includes("/")).concat(["a/x"])));
  const choices = [
    () => "**",
    () => "**/*.ts",
    () => `${someDir()}/**`,
    () => `${someDir()}/*`,
    () => random.pick(paths),
    () => `!**/*.md`,
    () => `!${someDir()}/**`,
  ];
  return Array.from({ length: 3 }, () => Array.from({ length: 1 + random.next(3) }, () => random.pick(choices)()));
}

describe("in-process and git readers agree", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`on randomized repository ${seed}`, async () => {
      const random = generator(seed * 7919);
      const paths = randomPaths(random, 40);
      const dir = makeRepo(Object.fromEntries(paths.map((p) => [p, `${p} ${random.next(1000)}\n`])));
      writeFiles(dir, { ".gitignore": random.next(2) ? "*.log\n" : "ignored/\n" });
      commitAll(dir, "ignore");
      // Past, distinct mtimes: no entry is racy unless an edit below makes the index that old.
      for (const [i, path] of paths.entries())
        utimesSync(join(dir, path), 1_577_836_800 + 60 * i, 1_577_836_800 + 60 * i);
      git(dir, "update-index", "-q", "--refresh");
      git(dir, "update-index", "--index-version", String(2 + random.next(3)));
      const live = () => paths.filter((p) => existsSync(join(dir, p)));
      for (let edit = 0; edit < 12; edit++) {
        const path = random.pick(live());
        const full = join(dir, path);
        switch (random.next(12)) {
          case 0:
            writeFiles(dir, { [path]: `${path} edited ${random.next(1000)}\n` });
            break;
          case 1: // same size, new content
            writeFiles(dir, { [path]: `${path} ${String(random.next(1000)).padStart(3, "9")}\n` });
            break;
          case 2:
            unlinkSync(full);
            break;
          case 3:
            chmodSync(full, random.next(2) ? 0o755 : 0o644);
            break;
          case 4:
            unlinkSync(full);
            symlinkSync(random.pick(NAMES), full);
            break;
          case 5: {
            const created = `${dirname(path)}/new ${random.pick(NAMES)}${random.pick(EXTENSIONS)}`;
            if (!existsSync(join(dir, created))) writeFiles(dir, { [created]: "untracked\n" });
            break;
          }
          case 6:
            writeFiles(dir, { [path]: `${path} staged\n` });
            git(dir, "add", "--", path);
            break;
          case 7:
            git(dir, "update-index", random.next(2) ? "--assume-unchanged" : "--skip-worktree", "--", path);
            writeFiles(dir, { [path]: `${path} hidden edit\n` });
            break;
          case 8:
            mkdirSync(join(dir, "ignored", random.pick(NAMES)), { recursive: true });
            writeFiles(dir, {
              [`ignored/${random.pick(NAMES)}.ts`]: "maybe ignored\n",
              [`new/${random.pick(NAMES)}`]: "n\n",
            });
            break;
          case 9: // the index no newer than a file: every entry at least that recent is racy
            execFileSync("touch", ["-r", full, join(dir, ".git", "index")]);
            break;
          default: // same size, new content: its files being old, only the stat data tells
            writeFiles(dir, { [path]: `${path} ${String(random.next(1000)).padStart(3, "8")}\n` });
        }
      }
      await sameAsGit(dir, randomGlobs(random, paths));
      await sameAsGit(dir, [["**"]]);
    });
  }
});
