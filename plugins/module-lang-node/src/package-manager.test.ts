import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const pkg = (fields: Record<string, unknown> = {}) => JSON.stringify({ name: "app", ...fields }, null, 2);
const pinned = { ".nvmrc": "20.11.1\n" };
const codes = (d: { diagnostics: { code: string }[] }) => d.diagnostics.map((x) => x.code);
const manager = (d: { facts: Record<string, string> }) =>
  [d.facts.package_manager, d.facts.package_manager_version, d.facts.yarn, d.facts.lock_files].filter(Boolean);

describe("lang/node package manager", () => {
  it("finds each manager by its lock file", async () => {
    const locks: Record<string, string[]> = {
      "package-lock.json": ["npm", "package-lock.json"],
      "npm-shrinkwrap.json": ["npm", "npm-shrinkwrap.json"],
      "pnpm-lock.yaml": ["pnpm", "pnpm-lock.yaml"],
      "bun.lockb": ["bun", "bun.lockb"],
      "bun.lock": ["bun", "bun.lock"],
      "yarn.lock": ["yarn", "classic", "yarn.lock"],
    };
    for (const [lock, expected] of Object.entries(locks)) {
      const found = await detectIn(module, { ...pinned, "package.json": pkg(), [lock]: "" });
      expect([manager(found), codes(found)]).toEqual([expected, []]);
      expect(found.signals.filter((s) => s.name === "lock_file").map((s) => s.value)).toEqual([lock]);
    }
  });

  it("tells yarn 2+ from yarn 1 by .yarnrc.yml or the lock file's format, with yarnPath's version", async () => {
    const byConfig = await detectIn(module, {
      ...pinned,
      "package.json": pkg(),
      "yarn.lock": "# yarn lockfile v1\n",
      ".yarnrc.yml": "nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.1.0.cjs\n",
    });
    expect(manager(byConfig)).toEqual(["yarn", "4.1.0", "berry", "yarn.lock"]);
    const byLock = await detectIn(module, {
      ...pinned,
      "package.json": pkg(),
      "yarn.lock": "__metadata:\n  version: 8\n",
    });
    expect(manager(byLock)).toEqual(["yarn", "berry", "yarn.lock"]);
  });

  it("infers pnpm's major from the lock file format", async () => {
    const found = await detectIn(module, {
      ...pinned,
      "package.json": pkg(),
      "pnpm-lock.yaml": "lockfileVersion: '6.0'\n",
    });
    expect(manager(found)).toEqual(["pnpm", "8", "pnpm-lock.yaml"]);
  });

  it("lets packageManager win over the lock files and warns about a lock of another manager", async () => {
    const found = await detectIn(module, {
      ...pinned,
      "package.json": pkg({ packageManager: "pnpm@9.1.0+sha512.abc" }),
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      "package-lock.json": "{}",
    });
    expect(manager(found)).toEqual(["pnpm", "9.1.0", "pnpm-lock.yaml"]);
    expect(codes(found)).toEqual(["NODE-005"]);
    expect(found.diagnostics[0].message).toBe(
      "package.json packageManager says pnpm, but package-lock.json belongs to another package manager; pnpm is used",
    );
    const signal = found.signals.find((s) => s.name === "package_manager");
    expect([signal?.value, signal?.evidence?.file, signal?.evidence?.line]).toEqual(["pnpm@9.1.0", "package.json", 3]);
  });

  it("reads yarn 1 or 2+ from packageManager", async () => {
    const classic = await detectIn(module, {
      ...pinned,
      "package.json": pkg({ packageManager: "yarn@1.22.19" }),
      "yarn.lock": "",
    });
    expect(manager(classic)).toEqual(["yarn", "1.22.19", "classic", "yarn.lock"]);
    const berry = await detectIn(module, {
      ...pinned,
      "package.json": pkg({ packageManager: "yarn@4.2.2" }),
      "yarn.lock": "",
    });
    expect(manager(berry)).toEqual(["yarn", "4.2.2", "berry", "yarn.lock"]);
  });

  it("picks one manager when lock files of several exist, and warns", async () => {
    const found = await detectIn(module, {
      ...pinned,
      "package.json": pkg(),
      "package-lock.json": "{}",
      "yarn.lock": "",
    });
    expect(manager(found)).toEqual(["yarn", "classic", "yarn.lock"]);
    expect(codes(found)).toEqual(["NODE-004"]);
    expect(found.diagnostics[0].message).toBe(
      "lock files of several package managers: yarn.lock, package-lock.json; yarn is used",
    );
  });

  it("falls back to npm without a lock file, and warns that installs are not frozen", async () => {
    const found = await detectIn(module, { ...pinned, "package.json": pkg() });
    expect([manager(found), codes(found)]).toEqual([["npm"], ["NODE-006"]]);
  });

  it("ignores a packageManager it cannot read", async () => {
    const found = await detectIn(module, {
      ...pinned,
      "package.json": pkg({ packageManager: "pnpm" }),
      "pnpm-lock.yaml": "",
    });
    expect([manager(found), codes(found)]).toEqual([["pnpm", "pnpm-lock.yaml"], ["NODE-007"]]);
  });
});
