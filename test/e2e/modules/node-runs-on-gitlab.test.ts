/**
 * The lang/node module's steps run for real, not only parse: a Node.js project with `packages:
 * [node]` is generated for GitLab and its pipeline run with gitlab-ci-local (shell executor, the
 * job's image removed through provider_config: no Docker engine here). The toolchain check finds
 * the pinned version on PATH, the npm cache folder under $HOME is linked into the checkout (where
 * GitLab can cache it), `npm ci` installs from the lock file, and the job's own step uses what was
 * installed. Only Node.js can run this way here: the other toolchains would be downloaded.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../support/cli";
import { commitAll } from "../../support/skip-harness";
import { tempRepo } from "../../support/temp-repo";
import { validatorsDir } from "../../support/validators";

const bin = join(validatorsDir, "node_modules", ".bin", "gitlab-ci-local");
const available = existsSync(bin);
if (!available) console.warn(`skipping the gitlab-ci-local run: ${bin} is not installed`);

const NODE_VERSION = process.version.slice(1);

/** An npm project pinned to this machine's Node.js, with a local dependency (no registry needed). */
function nodeProject(): string {
  const repo = tempRepo({
    ".nvmrc": `${NODE_VERSION}\n`,
    ".gitignore": "node_modules/\n.gitlab-ci-local/\n",
    "vendor/greet/package.json": JSON.stringify({ name: "greet", version: "1.0.0", main: "index.js" }),
    "vendor/greet/index.js": 'module.exports = (name) => "hello " + name;\n',
    "package.json": JSON.stringify({
      name: "demo",
      private: true,
      dependencies: { greet: "file:vendor/greet" },
      scripts: { test: `node -e "console.log(require('greet')('from ci'), process.version)"` },
    }),
    "cigen.yml": [
      "providers: [gitlab]",
      "packages: [node]",
      "jobs:",
      "  test:",
      "    provider_config: { gitlab: { image: null } }",
      "    steps:",
      "      - run: npm test",
      "",
    ].join("\n"),
  });
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: repo,
    stdio: "ignore",
  });
  return repo;
}

/** Runs the pipeline with `home` as the runner's $HOME; returns whether it passed and its log. */
function runPipeline(repo: string, home: string): { passed: boolean; output: string } {
  const r = spawnSync(bin, ["--no-color", "--shell-executor-no-image"], {
    cwd: repo,
    encoding: "utf8",
    timeout: 300_000,
    env: { PATH: process.env.PATH, HOME: home, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const output = `${r.stdout}\n${r.stderr}`;
  return { passed: r.status === 0 && /PASS\s+test/.test(output), output };
}

describe.skipIf(!available)("lang/node's generated GitLab job, run with gitlab-ci-local", () => {
  it("finds the pinned Node.js, links the npm cache into the checkout and installs from the lock file", async () => {
    const repo = nodeProject();
    const generated = await runCli(["generate"], { cwd: repo });
    expect(generated.code, generated.stderr).toBe(0);
    const pipeline = readFileSync(join(repo, ".gitlab-ci.yml"), "utf8");
    expect(pipeline).toContain(`prefix: linux-amd64-node-${NODE_VERSION}-npm`);
    expect(pipeline).not.toMatch(/^\s+image:/m);
    commitAll(repo);

    const home = tempRepo({});
    const run = runPipeline(repo, home);
    expect(run.passed, run.output).toBe(true);
    expect(run.output).toContain("already installed");
    expect(run.output).toMatch(/npm ci[\s\S]*added 1 package/);
    expect(run.output).toContain(`hello from ci v${NODE_VERSION}`);
    // npm's cache folder is the checkout's .cigen/home/.npm, which the job's cache entry holds.
    expect(lstatSync(join(home, ".npm")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(home, ".npm"))).toBe(join(repo, ".cigen", "home", ".npm"));
    expect(existsSync(join(repo, ".cigen", "home", ".npm", "_logs"))).toBe(true);
  }, 300_000);

  it("leaves a runner's own npm cache folder alone when it holds files, and still passes", async () => {
    const repo = nodeProject();
    expect((await runCli(["generate"], { cwd: repo })).code).toBe(0);
    commitAll(repo);
    const home = tempRepo({ ".npm/kept": "the runner's own cache\n" });

    const run = runPipeline(repo, home);
    expect(run.passed, run.output).toBe(true);
    expect(lstatSync(join(home, ".npm")).isDirectory()).toBe(true);
    expect(readFileSync(join(home, ".npm", "kept"), "utf8")).toBe("the runner's own cache\n");
  }, 300_000);
});
