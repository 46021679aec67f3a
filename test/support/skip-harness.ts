/**
 * What the skip-wiring e2e tests share: a temporary project whose `node_modules/.bin/cigen` runs
 * this repository's CLI (as the devDependency would), stub executables that keep what they were
 * sent, a committed git history, and a clean environment for the provider's shell to run in.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { cliPath, runCli } from "./cli";
import { tempRepo } from "./temp-repo";

/** Where the shim that runs this repository's CLI lives in a test project. */
const CIGEN_SHIM = "node_modules/.bin/cigen";

/**
 * A project that lists cigen as an npm-locked devDependency: generated CI then runs the
 * repository's own cigen (`npx --no-install cigen`, the shim) rather than fetching one from npm.
 */
const NODE_PROJECT = {
  "package.json": `${JSON.stringify({ name: "demo", private: true, devDependencies: { cigen: "0.0.0" } })}\n`,
  "package-lock.json": `${JSON.stringify({ name: "demo", lockfileVersion: 3, requires: true, packages: {} })}\n`,
};

/**
 * A stub for `.stubs/<name>`: writes its arguments to `.stubs/args` and its stdin to `.stubs/<keep>`,
 * standing in for a CI tool (curl, buildkite-agent) the wiring calls.
 */
export function stubKeeping(keep: string): string {
  return `#!/bin/sh\necho "$@" > "$(dirname "$0")/args"\ncat > "$(dirname "$0")/${keep}"\n`;
}

/**
 * A temporary npm project with `files`, the cigen shim, and `stubs` (name -> script) under `.stubs/`,
 * all executable. Not a git repository yet: see `commitAll`.
 */
export function skipRepo(files: Record<string, string>, stubs: Record<string, string> = {}): string {
  const stubFiles = Object.fromEntries(Object.entries(stubs).map(([name, script]) => [`.stubs/${name}`, script]));
  const repo = tempRepo({
    ...NODE_PROJECT,
    ...files,
    [CIGEN_SHIM]: `#!/bin/sh\nexec node ${cliPath} "$@"\n`,
    ...stubFiles,
  });
  for (const path of [CIGEN_SHIM, ...Object.keys(stubFiles)]) chmodSync(join(repo, path), 0o755);
  return repo;
}

/**
 * Runs `cigen generate` (with `args`) in `repo`, fails the test unless it succeeds, and returns the
 * file it wrote at `output`: the config whose wiring the test then runs.
 */
export async function generate(
  repo: string,
  output: string,
  { args = [], env }: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const r = await runCli(["generate", ...args], { cwd: repo, env });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(repo, output), "utf8");
}

/** Makes `repo` a git repository on `main` with everything committed. */
export function commitAll(repo: string): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "t");
  git("config", "user.email", "t@t");
  git("add", "-A");
  git("commit", "-qm", "init");
}

/** Rewrites a tracked file and commits the change. */
export function commitFile(repo: string, path: string, content: string): void {
  writeFileSync(join(repo, path), content);
  execFileSync("git", ["commit", "-qam", `change ${path}`], { cwd: repo });
}

/**
 * The environment of a CI shell: only HOME, PATH, TMPDIR and LANG of ours (no CI markers leak in),
 * with `.stubs` (when `stubs`) and the project's node_modules/.bin first on PATH.
 */
export function shellEnv(repo: string, { stubs = false } = {}): Record<string, string> {
  const keep = ["HOME", "PATH", "TMPDIR", "LANG"];
  const base = Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k] as string]));
  const bins = [...(stubs ? [join(repo, ".stubs")] : []), join(repo, "node_modules", ".bin")];
  return { ...base, PATH: `${bins.join(":")}:${process.env.PATH}`, NO_COLOR: "1" };
}
