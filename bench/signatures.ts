/**
 * Benchmark of work signatures (packages/core/src/signatures), each row next to the git command it
 * should be compared with. The synthetic repositories are built once (git fast-import) and kept in
 * the temp dir between runs, keyed by their shape, because writing 100,000 files dominates otherwise.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeSignatures, replayHistory, type SignatureJob } from "../packages/core/src/signatures/index";
import { medianOf, run } from "./measure";

export interface Row {
  what: string;
  ms: number;
  baseline: string;
  ratio: number;
  budget?: number;
}

const PACKAGES = 50;
const EXTENSIONS = ["ts", "md", "json", "js"];

function pathOf(i: number): string {
  return `packages/p${i % PACKAGES}/src/d${(i >> 6) % 40}/f${i}.${EXTENSIONS[i % 4]}`;
}

/** A repository of `files` files in one commit, then `commits - 1` commits of 5 edits each. */
function syntheticRepo(name: string, files: number, commits: number, checkout: boolean): string {
  const dir = join(tmpdir(), `cigen-bench-signatures-${name}-v1`);
  if (existsSync(join(dir, ".git", "cigen-bench-complete"))) return dir;
  execFileSync("rm", ["-rf", dir]);
  execFileSync("git", ["init", "-q", dir]);
  const chunks: string[] = [];
  const blob = (content: string) => `data ${Buffer.byteLength(content)}\n${content}\n`;
  const commit = (n: number) => `commit refs/heads/main\ncommitter b <b@b> ${1_700_000_000 + n} +0000\ndata 2\nc\n`;
  chunks.push(
    commit(0),
    `M 100644 inline package.json\n${blob("{}\n")}`,
    `M 100644 inline tsconfig.json\n${blob("{}\n")}`,
  );
  for (let i = 0; i < files; i++) chunks.push(`M 100644 inline ${pathOf(i)}\n${blob(`file ${i}\n`)}`);
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let c = 1; c < commits; c++) {
    chunks.push(commit(c));
    // Few distinct contents, so edits often return a file to an earlier state, as reverts do.
    for (let e = 0; e < 5; e++) chunks.push(`M 100644 inline ${pathOf(random(files))}\n${blob(`edit ${random(3)}\n`)}`);
  }
  const imported = spawnSync("git", ["fast-import", "--quiet"], {
    cwd: dir,
    input: chunks.join(""),
    maxBuffer: 1 << 30,
  });
  if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr}`);
  execFileSync("git", ["symbolic-ref", "HEAD", "refs/heads/main"], { cwd: dir });
  if (checkout) execFileSync("git", ["checkout", "-q", "-f", "main"], { cwd: dir });
  writeFileSync(join(dir, ".git", "cigen-bench-complete"), "");
  return dir;
}

/** 20 jobs with the globs a monorepo typically has: one package each, shared root files, a chain of needs. */
function typicalJobs(): SignatureJob[] {
  return Array.from({ length: 20 }, (_, i) => ({
    id: `job-${i}`,
    definition: { steps: [{ run: `npm test -w p${i}` }], image: "node:20" },
    sourceFiles: [`packages/p${i}/**`, `!packages/p${i}/**/*.md`, "package.json"],
    envNames: ["CI"],
    modules: { node: "20.11.1" },
    moduleFiles: ["tsconfig.json"],
    needs: i % 5 === 0 ? [] : [`job-${i - 1}`],
  }));
}

async function signAll(dir: string): Promise<void> {
  const { results } = await computeSignatures(dir, typicalJobs(), { groups: {}, env: { CI: "true" } });
  if (results.some((r) => r.signature === undefined)) throw new Error("a benchmark job has no signature");
}

/** Rows: the index read by git, signatures of a clean and of a dirty tree, and the history replay. */
export async function signatureBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const big = syntheticRepo("100k", 100_000, 1, true);
  execFileSync("git", ["update-index", "-q", "--refresh"], { cwd: big });
  const lsFiles = await medianOf(7, () => run("git", ["ls-files", "-s", "-z"], big));
  rows.push({ what: "git ls-files -s (100,000 files)", ms: lsFiles, baseline: "-", ratio: 1 });
  // The floor for signatures: a modified file is only seen by comparing its stat data with the
  // index, so every file a job matches is lstat-ed once (30,000 of the 100,000 here).
  const matched = Array.from({ length: 100_000 }, (_, i) => pathOf(i)).filter(
    (path, i) => i % PACKAGES < 20 && !path.endsWith(".md"),
  );
  const lstats = await medianOf(7, async () => {
    for (const path of matched) lstatSync(join(big, path));
  });
  rows.push({
    what: `lstat of the ${matched.length.toLocaleString("en")} files the jobs match`,
    ms: lstats,
    baseline: "git ls-files -s",
    ratio: lstats / lsFiles,
  });
  // git's own stat comparison of the same folders (its index load, then lstat on every core it has),
  // without the walk for untracked files: what git itself needs for half of the question.
  const folders = [...new Set(matched.map((path) => path.split("/").slice(0, 2).join("/")))];
  const diffFiles = await medianOf(7, () =>
    run("git", ["--no-optional-locks", "diff-files", "--name-only", "-z", "--", ...folders], big),
  );
  rows.push({
    what: `git diff-files (the jobs' ${folders.length} folders)`,
    ms: diffFiles,
    baseline: "git ls-files -s",
    ratio: diffFiles / lsFiles,
  });
  // What any correct answer must do at least: stat the tree and walk it for untracked files.
  const status = await medianOf(7, () =>
    run("git", ["--no-optional-locks", "status", "--porcelain=v2", "-z", "-uall"], big),
  );
  rows.push({
    what: "git status --porcelain -uall (100,000 files)",
    ms: status,
    baseline: "git ls-files -s",
    ratio: status / lsFiles,
  });
  const clean = await medianOf(7, () => signAll(big));
  rows.push({
    what: "signatures, 20 jobs, clean tree",
    ms: clean,
    baseline: "git ls-files -s",
    ratio: clean / lsFiles,
    budget: 1.5,
  });
  rows.push({
    what: "signatures, 20 jobs, clean tree",
    ms: clean,
    baseline: "git status -uall",
    ratio: clean / status,
  });
  const modified = Array.from({ length: 1000 }, (_, k) => pathOf(k * 50 + (k % 20)));
  for (const path of modified) writeFileSync(join(big, path), `modified ${path}\n`);
  const dirty = await medianOf(7, () => signAll(big));
  rows.push({
    what: "signatures, 20 jobs, 1,000 modified files",
    ms: dirty,
    baseline: "git ls-files -s",
    ratio: dirty / lsFiles,
  });
  execFileSync("git", ["checkout", "-q", "--", "."], { cwd: big }); // the bench's own temp repository
  execFileSync("git", ["update-index", "-q", "--refresh"], { cwd: big });

  const history = syntheticRepo("history", 5_000, 300, false);
  const revs = execFileSync("git", ["rev-list", "-n", "300", "HEAD"], { cwd: history, encoding: "utf8" })
    .trim()
    .split("\n");
  const lsTree = await medianOf(3, async () => {
    for (const rev of revs) await run("git", ["ls-tree", "-r", "-z", rev], history);
  });
  rows.push({ what: "git ls-tree -r x 300 commits (5,000 files)", ms: lsTree, baseline: "-", ratio: 1 });
  const replay = await medianOf(3, async () => {
    await replayHistory(history, typicalJobs(), { commits: 300, groups: {} });
  });
  rows.push({
    what: "cigen savings --commits 300",
    ms: replay,
    baseline: "git ls-tree -r x 300",
    ratio: replay / lsTree,
  });
  return rows;
}
