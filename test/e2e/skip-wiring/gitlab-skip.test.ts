// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitLab variables, meant literally.
/**
 * Runs the GitLab skipping wiring for real with gitlab-ci-local (shell executor) in a temporary git
 * repository whose package.json has a `cigen` devDependency that runs this repository's bundled
 * CLI, so the planning job's `npm ci` and `npx --no-install cigen` work as in a user's project.
 * First run: every job runs; second run: they are skipped; a change to a matching file: they run
 * again. Once with a dir store (child pipeline), once with GitLab's cache (native).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath } from "../../support/cli";
import { tempRepo } from "../../support/temp-repo";
import { validatorsDir } from "../../support/validators";

const bin = join(validatorsDir, "node_modules", ".bin", "gitlab-ci-local");
const available = existsSync(bin);
if (!available) console.warn(`skipping the gitlab-ci-local runs: ${bin} is not installed`);

// A busy machine runs npm, cigen and gitlab-ci-local slowly.
const SLOW = 600_000;

/** cigen.yml: build -> test, each skippable, logging to `log` when its steps run. */
function config(store: string, log: string): string {
  return `${store}
provider_config:
  gitlab:
    cigen-plan: { image: null }
jobs:
  build:
    source_files: ["src/**"]
    artifacts: [{ path: out/ }]
    steps:
      - run: mkdir -p out && cat src/app.txt > out/app.txt && echo build >> ${log}
  test:
    needs: [build]
    source_files: ["test/**"]
    steps:
      - run: grep -q . out/app.txt && echo test >> ${log}
`;
}

/** A project using cigen as a devDependency, committed on main. */
function project(store: (dir: string) => string): { repo: string; log: string } {
  const outside = mkdtempSync(join(tmpdir(), "cigen-gl-skip-"));
  const log = join(outside, "ran.log");
  const repo = tempRepo({
    "cigen.yml": config(store(outside), log),
    "src/app.txt": "v1\n",
    "test/app.test.txt": "t1\n",
    ".gitignore": "node_modules/\n.gitlab-ci-local/\n",
    "package.json": JSON.stringify({ name: "demo", private: true, devDependencies: { cigen: "file:cigen-shim" } }),
    "cigen-shim/package.json": JSON.stringify({
      name: "cigen",
      version: "0.0.0",
      type: "module",
      bin: { cigen: "cigen.mjs" },
    }),
    "cigen-shim/cigen.mjs": `#!/usr/bin/env node\nawait import(${JSON.stringify(cliPath)});\n`,
  });
  execFileSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--offline"], {
    cwd: repo,
    stdio: "ignore",
  });
  const generated = spawnSync("npx", ["--no-install", "cigen", "generate", "--provider", "gitlab"], {
    cwd: repo,
    encoding: "utf8",
  });
  expect(generated.status, generated.stderr).toBe(0);
  git(repo, "init", "-q", "-b", "main");
  commit(repo, "init");
  return { repo, log };
}

function git(repo: string, ...args: string[]): void {
  execFileSync("git", args, { cwd: repo, stdio: "ignore" });
}

function commit(repo: string, message: string): void {
  git(repo, "add", "-A");
  git(repo, "-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", message);
}

/** Runs the pipeline; returns the jobs whose steps ran, in order. */
function runPipeline(repo: string, log: string): string[] {
  writeFileSync(log, "");
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CI|GITHUB_|GITLAB_|CI_)/.test(k)));
  const r = spawnSync(bin, ["--shell-isolation", "--no-color", "--variable", "CI_DEFAULT_BRANCH=main"], {
    cwd: repo,
    encoding: "utf8",
    timeout: SLOW,
    env: { ...env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const output = `${r.stdout}\n${r.stderr}`;
  expect(r.status, output).toBe(0);
  expect(output).not.toMatch(/> cigen: could not record/);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

describe.skipIf(!available)("gitlab-ci-local runs the skipping wiring", () => {
  it(
    "with a dir store: a child pipeline runs the jobs, then none, then the changed ones",
    () => {
      const { repo, log } = project((dir) => `skip_store: { type: dir, path: ${join(dir, "store")} }`);
      expect(readFileSync(join(repo, ".gitlab-ci.yml"), "utf8")).toContain("trigger:");
      expect(runPipeline(repo, log)).toEqual(["build", "test"]);
      expect(runPipeline(repo, log)).toEqual([]);
      writeFileSync(join(repo, "src/app.txt"), "v2\n");
      commit(repo, "change src");
      // build's input changed; test's signature includes build's, so it runs too.
      expect(runPipeline(repo, log)).toEqual(["build", "test"]);
      writeFileSync(join(repo, "test/app.test.txt"), "t2\n");
      commit(repo, "change test");
      // Only test's own input changed: test runs, and build is put back because test takes its
      // artifact (a skipped job's artifacts would be missing in the child pipeline).
      expect(runPipeline(repo, log)).toEqual(["build", "test"]);
    },
    SLOW,
  );

  it(
    "with GitLab's cache (native): each job ends early when its signature's marker is cached",
    () => {
      const { repo, log } = project(() => "skip_store: { type: native }");
      expect(readFileSync(join(repo, ".gitlab-ci.yml"), "utf8")).toContain("cigen-skip-build-${CIGEN_SIG_BUILD}");
      expect(runPipeline(repo, log)).toEqual(["build", "test"]);
      // Skipped: test still finds build's artifact, restored from build's cache entry.
      expect(runPipeline(repo, log)).toEqual([]);
      writeFileSync(join(repo, "src/app.txt"), "v2\n");
      commit(repo, "change src");
      expect(runPipeline(repo, log)).toEqual(["build", "test"]);
    },
    SLOW,
  );
});
