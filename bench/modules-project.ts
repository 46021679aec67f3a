/**
 * A project for the "generate with six modules" bench row: version and lock files for five
 * language modules plus a postgres service, so six module plugins start, detect and plan.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const FILES: Record<string, string> = {
  ".nvmrc": "20.11.1\n",
  "package.json": '{ "name": "bench", "private": true, "packageManager": "pnpm@9.1.0" }\n',
  "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
  ".ruby-version": "3.3.0\n",
  Gemfile: 'source "https://rubygems.org"\ngem "pg"\n',
  "Gemfile.lock": "GEM\n  specs:\n    pg (1.5.4)\n\nBUNDLED WITH\n   2.5.4\n",
  ".python-version": "3.12.1\n",
  "requirements.txt": "pytest==8.0.0\n",
  "go.mod": "module example.com/bench\n\ngo 1.22.1\n",
  "go.sum": "",
  "rust-toolchain.toml": '[toolchain]\nchannel = "1.77.0"\n',
  "Cargo.toml": '[package]\nname = "bench"\nversion = "0.1.0"\n',
  "Cargo.lock": "version = 3\n",
};

/** The config: `jobs` jobs, every one using all five packages, every fifth one postgres too. */
export function modulesConfig(jobs: number): string {
  const lines = ["providers: [github]", "packages: [node, ruby, python, go, rust]", "jobs:"];
  for (let i = 0; i < jobs; i++) {
    lines.push(`  job${i}:`);
    if (i % 5 === 0) lines.push("    services: [postgres]");
    lines.push("    steps:", `      - run: make test-${i}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A temp folder with the files and the config. */
export function modulesProject(jobs: number): string {
  const dir = mkdtempSync(join(tmpdir(), "cigen-bench-modules-"));
  for (const [path, content] of Object.entries({ ...FILES, "cigen.yml": modulesConfig(jobs) })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
