import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const json = (data: unknown) => JSON.stringify(data, null, 2);

describe("lang/node detect", () => {
  it("says nothing about a repository without package.json or a Node.js version file", async () => {
    const found = await detectIn(module, { Gemfile: "source 'https://rubygems.org'\n", "app.rb": "" });
    expect([found.confidence, found.signals, found.facts, found.diagnostics]).toEqual([0, [], {}, []]);
  });

  it("suggests package.json scripts through the detected manager, never npm's placeholder test", async () => {
    const found = await detectIn(module, {
      "package.json": json({
        packageManager: "pnpm@9.1.0",
        scripts: { lint: "eslint .", test: 'echo "Error: no test specified" && exit 1', build: "tsc" },
      }),
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      ".nvmrc": "20\n",
      "src/index.ts": "",
    });
    expect(found.confidence).toBe(1);
    expect([found.facts.package, found.facts.lint, found.facts.test, found.facts.build]).toEqual([
      "node",
      "pnpm run lint",
      undefined,
      "pnpm run build",
    ]);
    expect(found.facts.source_files).toBe("**/*.ts,package.json,.nvmrc,pnpm-lock.yaml");
  });

  it("covers workspace manifests in source_files and runs member scripts everywhere in a monorepo", async () => {
    const found = await detectIn(module, {
      "package.json": json({ private: true, scripts: { lint: "biome check ." } }),
      "pnpm-workspace.yaml":
        "packages:\n  - 'packages/*'\n  - \"apps/*\" # the apps\n  - '!**/test/**'\ncatalog:\n  x: 1\n",
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      ".node-version": "20.11.1",
      "packages/core/package.json": json({ scripts: { test: "vitest run", build: "tsc" } }),
      "packages/core/src/a.ts": "",
      "packages/core/tsconfig.json": "{}",
      "apps/web/package.json": json({ scripts: { build: "vite build" } }),
      "apps/web/src/App.tsx": "",
      "apps/web/vite.config.mjs": "",
    });
    expect(found.facts.workspaces).toBe("packages/*,apps/*,!**/test/**");
    expect(found.facts.source_files).toBe(
      [
        "**/*.mjs",
        "**/*.ts",
        "**/*.tsx",
        "package.json",
        "packages/*/package.json",
        "apps/*/package.json",
        "**/tsconfig*.json",
        ".node-version",
        "pnpm-workspace.yaml",
        "pnpm-lock.yaml",
      ].join(","),
    );
    expect([found.facts.lint, found.facts.test, found.facts.build]).toEqual([
      "pnpm run lint",
      "pnpm -r run test",
      "pnpm -r run build",
    ]);
    expect(found.signals.find((s) => s.name === "workspaces")?.evidence?.file).toBe("pnpm-workspace.yaml");
  });

  it("reads npm and yarn workspaces from package.json", async () => {
    const npm = await detectIn(module, {
      "package.json": json({ workspaces: ["packages/*"] }),
      "package-lock.json": "{}",
      "packages/a/package.json": json({ scripts: { test: "node --test" } }),
    });
    expect([npm.facts.workspaces, npm.facts.test]).toEqual(["packages/*", "npm run test --workspaces --if-present"]);
    const yarn = await detectIn(module, {
      "package.json": json({ workspaces: { packages: ["libs/*"] } }),
      "yarn.lock": "__metadata:\n",
      "libs/a/package.json": json({ scripts: { test: "jest" } }),
    });
    expect([yarn.facts.workspaces, yarn.facts.test]).toEqual(["libs/*", "yarn workspaces foreach --all run test"]);
  });
});
