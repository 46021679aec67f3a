import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CIGEN_VERSION } from "../version";
import { cigenInCi } from "./cigen-in-ci";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cigen-in-ci-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const manifest = (deps: object) => JSON.stringify({ name: "app", private: true, ...deps });
const withCigen = manifest({ devDependencies: { cigen: "^1.0.0", typescript: "5.9.3" } });
const FETCH = { install: "", command: `npx --yes cigen@${CIGEN_VERSION}` };

describe("how generated CI gets cigen", () => {
  it("fetches the cigen that generated the files when the repository has no package.json (Go, Ruby, Rust...)", () => {
    expect(cigenInCi(repo({ "go.mod": "module example.com/a\n" }))).toEqual(FETCH);
  });

  it("fetches it too when package.json does not list cigen, or cannot be read", () => {
    expect(cigenInCi(repo({ "package.json": manifest({ devDependencies: { vitest: "4" } }) }))).toEqual(FETCH);
    expect(cigenInCi(repo({ "package.json": "{ not json" }))).toEqual(FETCH);
    expect(cigenInCi(repo({ "package.json": "[]" }))).toEqual(FETCH);
    // A script that calls cigen is not a dependency on it.
    expect(cigenInCi(repo({ "package.json": manifest({ scripts: { ci: "cigen generate" } }) }))).toEqual(FETCH);
  });

  it("runs the repository's own cigen, installed with the package manager of its lock file", () => {
    const local = "npx --no-install cigen";
    const cases: [Record<string, string>, string, string][] = [
      [{ "package-lock.json": "{}" }, "npm ci --ignore-scripts --no-audit --no-fund", local],
      [{ "npm-shrinkwrap.json": "{}" }, "npm ci --ignore-scripts --no-audit --no-fund", local],
      [
        { "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" },
        "corepack pnpm install --frozen-lockfile --ignore-scripts",
        local,
      ],
      [
        { "yarn.lock": '# yarn lockfile v1\n\ncigen@^1.0.0:\n  version "1.0.0"\n' },
        "corepack yarn install --frozen-lockfile --ignore-scripts",
        "corepack yarn run cigen",
      ],
      [
        { "yarn.lock": '__metadata:\n  version: 8\n\n"cigen@npm:^1.0.0":\n  version: 1.0.0\n' },
        "corepack yarn install --immutable --mode=skip-build",
        "corepack yarn run cigen",
      ],
      [{ "bun.lock": "{}" }, "npx --yes bun install --frozen-lockfile --ignore-scripts", local],
      [{}, "npm install --ignore-scripts --no-audit --no-fund", local],
    ];
    for (const [lock, install, command] of cases) {
      expect(cigenInCi(repo({ "package.json": withCigen, ...lock })), JSON.stringify(lock)).toEqual({
        install,
        command,
      });
    }
  });

  it("accepts cigen under any dependency field, and only the cigen package", () => {
    const lock = { "package-lock.json": "{}" };
    for (const deps of [{ dependencies: { cigen: "1.0.0" } }, { optionalDependencies: { cigen: "1.0.0" } }]) {
      expect(cigenInCi(repo({ "package.json": manifest(deps), ...lock })).command).toBe("npx --no-install cigen");
    }
    const lookalikes = manifest({ devDependencies: { "@cigen/cli": "1.0.0", "cigen-module-lang-node": "1.0.0" } });
    expect(cigenInCi(repo({ "package.json": lookalikes, ...lock }))).toEqual(FETCH);
  });

  it("installs the repository's packages for a module found in its node_modules, and fetches cigen", () => {
    const files = {
      "package.json": manifest({ devDependencies: { "cigen-module-acme-lint": "1.0.0" } }),
      "pnpm-lock.yaml": "",
    };
    expect(cigenInCi(repo(files), [{ source: "bundled" }, { source: "node_modules" }])).toEqual({
      install: "corepack pnpm install --frozen-lockfile --ignore-scripts",
      command: FETCH.command,
    });
    // Modules shipped with cigen or committed to .cigen/plugins need nothing from the repository.
    expect(cigenInCi(repo(files), [{ source: "bundled" }, { source: ".cigen/plugins" }])).toEqual(FETCH);
  });

  it("prefers npm's lock file when a repository has several", () => {
    const both = { "package.json": withCigen, "package-lock.json": "{}", "yarn.lock": "# yarn lockfile v1\n" };
    expect(cigenInCi(repo(both)).install).toMatch(/^npm ci /);
  });
});
