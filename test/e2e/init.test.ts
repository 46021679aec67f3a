/**
 * `cigen init` through the real bundled CLI and the real module and provider plugins: what it
 * detects, what it carries over from existing CI, that it never overwrites a config without
 * --force, and that what it writes passes `cigen validate` (which starts the modules and providers).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../support/cli";
import { tempGitRepo } from "../support/temp-repo";

interface Job {
  needs?: string[];
  services?: string[];
  source_files?: string[];
  steps: { run: string; name?: string }[];
}

function readConfig(
  dir: string,
  path = "cigen.yml",
): { providers: string[]; packages?: string[]; jobs: Record<string, Job> } {
  return parse(readFileSync(join(dir, path), "utf8"));
}

async function initAndValidate(dir: string, args: string[] = []): Promise<string> {
  const init = await runCli(["init", ...args], { cwd: dir });
  expect(init.code, init.stderr).toBe(0);
  const validate = await runCli(["validate"], { cwd: dir });
  expect(validate.code, `${validate.stderr}\n--- cigen.yml:\n${readFileSync(join(dir, "cigen.yml"), "utf8")}`).toBe(0);
  return init.stderr;
}

const NODE_REPO = {
  "package.json": JSON.stringify({
    name: "web",
    packageManager: "pnpm@9.1.0",
    scripts: { lint: "eslint .", test: "vitest run", build: "tsc -p ." },
  }),
  "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
  ".nvmrc": "20.11.1\n",
  "src/index.ts": "export const answer = 42;\n",
};

const GEMFILE_LOCK = `GEM
  remote: https://rubygems.org/
  specs:
    pg (1.5.6)
    rails (7.1.3)
    redis (5.1.0)
    rspec-rails (6.1.2)
    rubocop (1.62.1)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  pg
  rails (~> 7.1)
  redis
  rspec-rails
  rubocop

BUNDLED WITH
   2.5.6
`;

const RAILS_REPO = {
  Gemfile: [
    'source "https://rubygems.org"',
    'gem "rails", "~> 7.1"',
    'gem "pg"',
    'gem "redis"',
    'gem "rspec-rails", group: :test',
    'gem "rubocop", group: :development',
    "",
  ].join("\n"),
  "Gemfile.lock": GEMFILE_LOCK,
  ".ruby-version": "3.3.0\n",
  "config/application.rb": "module Shop; class Application < Rails::Application; end; end\n",
  "app/models/user.rb": "class User < ApplicationRecord; end\n",
  "spec/models/user_spec.rb": "RSpec.describe User do; end\n",
};

const WORKFLOW = `name: CI
on:
  push: { branches: [main] }
  pull_request:
jobs:
  checks:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: pnpm install --frozen-lockfile
      - name: Lint
        run: pnpm run lint
  unit-tests:
    needs: checks
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pnpm install --frozen-lockfile
      - name: Unit tests
        run: ./scripts/test.sh --coverage
      - uses: codecov/codecov-action@v4
`;

describe("cigen init", () => {
  it("writes lint, test and build jobs for a pnpm project, which validate", async () => {
    const dir = tempGitRepo(NODE_REPO);
    const stderr = await initAndValidate(dir);
    expect(stderr).toContain("cigen.yml written");
    const config = readConfig(dir);
    expect(config.providers).toEqual(["github"]);
    expect(config.packages).toEqual(["node"]);
    expect(Object.keys(config.jobs)).toEqual(["lint", "test", "build"]);
    expect(config.jobs.test.steps).toEqual([{ run: "pnpm run test" }]);
    expect(config.jobs.build.needs).toEqual(["lint", "test"]);
    expect(config.jobs.test.source_files).toEqual(expect.arrayContaining(["**/*.ts", "pnpm-lock.yaml", ".nvmrc"]));
    expect(readFileSync(join(dir, "cigen.yml"), "utf8")).toMatch(/^# cigen\.yml: a starter written by `cigen init`/);
  });

  it("gives the test job of a Rails app the postgres and redis services its gems use", async () => {
    const dir = tempGitRepo(RAILS_REPO);
    await initAndValidate(dir);
    const config = readConfig(dir);
    expect(config.packages).toEqual(["ruby"]);
    const test = config.jobs.test;
    expect(test, JSON.stringify(config.jobs)).toBeDefined();
    expect(test.services?.map((s) => s.split(":")[0])).toEqual(["postgres", "redis"]);
    expect(test.source_files).toEqual(expect.arrayContaining(["Gemfile.lock", ".ruby-version"]));
  });

  it("carries over the job names and run commands of an existing GitHub Actions workflow", async () => {
    const dir = tempGitRepo({
      ...NODE_REPO,
      ".github/workflows/ci.yml": WORKFLOW,
      "scripts/test.sh": '#!/bin/sh\npnpm test "$@"\n',
    });
    await initAndValidate(dir);
    const config = readConfig(dir);
    expect(config.providers).toEqual(["github"]);
    expect(Object.keys(config.jobs)).toEqual(["checks", "unit-tests"]);
    expect(config.jobs.checks.steps).toEqual([
      { run: "pnpm install --frozen-lockfile" },
      { name: "Lint", run: "pnpm run lint" },
    ]);
    expect(config.jobs["unit-tests"].needs).toEqual(["checks"]);
    expect(config.jobs["unit-tests"].steps.at(-1)).toEqual({ name: "Unit tests", run: "./scripts/test.sh --coverage" });
    expect(config.jobs["unit-tests"].source_files).toContain("scripts/test.sh");
    const text = readFileSync(join(dir, "cigen.yml"), "utf8");
    expect(text).toContain("# from .github/workflows/ci.yml:6\n");
    expect(text).toContain("# - step uses codecov/codecov-action@v4, a GitHub action: not carried over\n");
  });

  it("refuses to overwrite cigen.yml or .cigen/cigen.yml without --force, and replaces it with --force", async () => {
    const dir = tempGitRepo({ ...NODE_REPO, "cigen.yml": "# mine\n" });
    const refused = await runCli(["init"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^cigen\.yml: error CIGEN-INIT-001: cigen\.yml already exists/m);
    expect(refused.stderr).toContain("hint: pass --force");
    expect(readFileSync(join(dir, "cigen.yml"), "utf8")).toBe("# mine\n");

    const hidden = tempGitRepo({ ...NODE_REPO, ".cigen/cigen.yml": "# mine\n" });
    expect((await runCli(["init"], { cwd: hidden })).code).toBe(1);
    expect(existsSync(join(hidden, "cigen.yml"))).toBe(false);

    const forced = await runCli(["init", "--force"], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readConfig(dir).jobs.lint).toBeDefined();
    const forcedHidden = await runCli(["init", "--force"], { cwd: hidden });
    expect(forcedHidden.code, forcedHidden.stderr).toBe(0);
    expect(readConfig(hidden, ".cigen/cigen.yml").jobs.lint).toBeDefined();
  });

  it("prints with --stdout and writes nothing; --json reports what was detected and the jobs", async () => {
    const dir = tempGitRepo(NODE_REPO);
    const printed = await runCli(["init", "--stdout", "--provider", "gitlab"], { cwd: dir });
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain("\nproviders: [gitlab]\n");
    expect(existsSync(join(dir, "cigen.yml"))).toBe(false);

    const r = await runCli(["init", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, path: join(dir, "cigen.yml"), written: true, providers: ["github"] });
    const node = doc.detected.find((d: { module: string }) => d.module === "lang/node");
    expect(node.facts).toMatchObject({ package: "node", test: "pnpm run test" });
    expect(node.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ file: "pnpm-lock.yaml" })]));
    expect(doc.jobs.map((j: { id: string }) => j.id)).toEqual(["lint", "test", "build"]);
    expect(doc.jobs[1]).toMatchObject({ from: "detected", commands: ["pnpm run test"] });
  });

  it("writes one placeholder job and warns when it finds nothing; an unknown --provider is refused", async () => {
    const dir = tempGitRepo({ "README.md": "# nothing to build\n" });
    const r = await runCli(["init"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning CIGEN-INIT-002");
    expect(Object.keys(readConfig(dir).jobs)).toEqual(["build"]);
    expect((await runCli(["validate"], { cwd: dir })).code).toBe(0);

    const other = tempGitRepo({});
    const unknown = await runCli(["init", "--provider", "githb"], { cwd: other });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error CIGEN-INIT-005: no installed plugin provides the provider "githb"');
    expect(unknown.stderr).toContain('did you mean "github"?');
    expect(existsSync(join(other, "cigen.yml"))).toBe(false);
  });

  it("writes a starter that validates for every provider its CI files name", async () => {
    const dir = tempGitRepo({
      ...NODE_REPO,
      ".gitlab-ci.yml": "image: node:20\nstages: [test]\nunit:\n  stage: test\n  script: [pnpm run test]\n",
      ".circleci/config.yml":
        "version: 2.1\njobs:\n  build:\n    docker: [{ image: cimg/node:20.11 }]\n    steps: [checkout, { run: pnpm run build }]\n",
    });
    await initAndValidate(dir);
    const config = readConfig(dir);
    expect(config.providers).toEqual(["circleci", "gitlab"]);
    expect(Object.keys(config.jobs)).toEqual(["build"]);
    expect(readFileSync(join(dir, "cigen.yml"), "utf8")).toContain(
      ".gitlab-ci.yml: 1 job(s) not carried over (the jobs come from .circleci/config.yml)",
    );
  });
});
