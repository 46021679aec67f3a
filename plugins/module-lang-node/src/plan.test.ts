import { planIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";
import { describeStep, installScript, shellcheck, show } from "./test-helpers";

const json = (data: unknown) => JSON.stringify(data, null, 2);
const pnpmRepo = {
  "package.json": json({ packageManager: "pnpm@9.1.0", engines: { node: ">=20" } }),
  "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
  ".nvmrc": "20.11.1\n",
};

describe("lang/node plan", () => {
  it("sets up node, enables corepack and installs frozen for `packages: [node]`", async () => {
    const planned = await planIn(module, pnpmRepo, [{ jobId: "test", baseId: "test", packages: ["node"] }]);
    const [job] = planned.contributions;
    expect(job.jobId).toBe("test");
    expect(job.setupSteps.map(describeStep)).toEqual([
      "setup node 20.11.1 (node:20.11.1)",
      "run: command -v corepack >/dev/null || npm install -g corepack || sudo npm install -g corepack\ncorepack enable || sudo corepack enable",
      "run: pnpm config set store-dir ~/.pnpm-store --global && pnpm install --frozen-lockfile",
    ]);
    const setup = job.setupSteps[0].kind.value as { module: string; options: Record<string, string> };
    expect([setup.module, setup.options]).toEqual([
      "lang/node",
      { package_manager: "pnpm", package_manager_version: "9.1.0" },
    ]);
    expect(planned.diagnostics).toEqual([]);
  });

  it("caches the manager's store keyed by versions and the lock file's checksum, with a fallback key", async () => {
    const planned = await planIn(module, pnpmRepo, [{ jobId: "test", baseId: "test", packages: ["node"] }]);
    const [cache] = planned.contributions[0].caches;
    expect([cache.name, show(cache.key), cache.restoreKeys.map(show), cache.paths]).toEqual([
      "node",
      "<platform:os>-<platform:arch>-node-20.11.1-pnpm-9.1.0-<checksum:pnpm-lock.yaml>",
      ["<platform:os>-<platform:arch>-node-20.11.1-pnpm-9.1.0-"],
      ["~/.pnpm-store"],
    ]);
  });

  it("adds the version, manifest and lock files and the versions to the job's signature", async () => {
    const planned = await planIn(module, pnpmRepo, [{ jobId: "test", baseId: "test", packages: ["node"] }]);
    const [job] = planned.contributions;
    expect(job.signatureFiles).toEqual([".nvmrc", "package.json", "pnpm-lock.yaml"]);
    expect(job.signatureValues).toEqual({ node: "20.11.1", package_manager: "pnpm@9.1.0" });
  });

  it("installs each manager its own way", async () => {
    const cases: [Record<string, string>, string[], string[]][] = [
      [{ "package-lock.json": "{}" }, ["run: npm ci"], ["~/.npm"]],
      [{}, ["run: npm install"], ["~/.npm"]],
      [
        { "yarn.lock": "# yarn lockfile v1\n" },
        [
          "run: command -v yarn >/dev/null || npm install -g yarn || sudo npm install -g yarn",
          "run: yarn install --frozen-lockfile",
        ],
        ["~/.cache/yarn"],
      ],
      [
        { "yarn.lock": "__metadata:\n", ".yarnrc.yml": "yarnPath: .yarn/releases/yarn-3.6.4.cjs\n" },
        ["run: npm install -g yarn@3.6.4 || sudo npm install -g yarn@3.6.4", "run: yarn install --immutable"],
        ["~/.yarn/berry/cache", ".yarn/cache"],
      ],
      [
        { "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" },
        [
          "run: npm install -g pnpm@9 || sudo npm install -g pnpm@9",
          "run: pnpm config set store-dir ~/.pnpm-store --global && pnpm install --frozen-lockfile",
        ],
        ["~/.pnpm-store"],
      ],
      [
        { "bun.lockb": "" },
        [
          "run: command -v bun >/dev/null || npm install -g bun || sudo npm install -g bun",
          "run: bun install --frozen-lockfile",
        ],
        ["~/.bun/install/cache"],
      ],
    ];
    for (const [files, steps, paths] of cases) {
      const planned = await planIn(module, { "package.json": "{}", ".nvmrc": "20", ...files }, [
        { jobId: "j", baseId: "j", packages: ["node"] },
      ]);
      const [job] = planned.contributions;
      expect(job.setupSteps.slice(1).map(describeStep)).toEqual(steps);
      expect(job.caches[0].paths).toEqual(paths);
    }
  });

  it("keys the cache on package.json when there is no lock file", async () => {
    const planned = await planIn(module, { "package.json": "{}" }, [{ jobId: "j", baseId: "j", packages: ["node"] }]);
    expect(show(planned.contributions[0].caches[0].key)).toBe(
      "<platform:os>-<platform:arch>-node-22-npm-<checksum:package.json>",
    );
  });

  it("replaces a `uses:` step, honouring with.version and with.install", async () => {
    const planned = await planIn(module, { ...pnpmRepo }, [
      {
        jobId: "build",
        baseId: "build",
        uses: [
          { stepIndex: 2, constraint: "^1", with: { version: "18" } },
          { stepIndex: 5, constraint: "", with: { version: "lts/*", install: "false", cache: "yes" } },
        ],
      },
    ]);
    const [job] = planned.contributions;
    expect(job.setupSteps).toEqual([]);
    expect(job.replacements.map((r) => [r.stepIndex, r.steps.map(describeStep)])).toEqual([
      [
        2,
        [
          "setup node 18 (node:18)",
          "run: command -v corepack >/dev/null || npm install -g corepack || sudo npm install -g corepack\ncorepack enable || sudo corepack enable",
          "run: pnpm config set store-dir ~/.pnpm-store --global && pnpm install --frozen-lockfile",
        ],
      ],
      [
        5,
        [
          "setup node lts/* (node:lts)",
          "run: command -v corepack >/dev/null || npm install -g corepack || sudo npm install -g corepack\ncorepack enable || sudo corepack enable",
        ],
      ],
    ]);
    expect(job.signatureValues.node).toBe("18");
    expect(show(job.caches[0].key)).toContain("-node-18-pnpm-9.1.0-");
    expect(planned.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["NODE-008", 'job "build", step 6: uses lang/node has no input "cache"; it is ignored'],
    ]);
  });

  it("keeps the detected version when with.version names none", async () => {
    const planned = await planIn(module, pnpmRepo, [
      { jobId: "j", baseId: "j", uses: [{ stepIndex: 0, with: { version: "system" } }] },
    ]);
    expect(describeStep(planned.contributions[0].replacements[0].steps[0])).toBe("setup node 20.11.1 (node:20.11.1)");
    expect(planned.diagnostics.map((d) => d.code)).toEqual(["NODE-009"]);
  });

  it("contributes nothing to a job that neither lists the package nor uses the module", async () => {
    const planned = await planIn(module, pnpmRepo, [{ jobId: "j", baseId: "j", services: [] }]);
    const [job] = planned.contributions;
    expect([job.setupSteps, job.caches, job.signatureFiles, job.replacements]).toEqual([[], [], [], []]);
  });
});

describe("lang/node install script", () => {
  const scriptFor = async (nvmrc: string) => {
    const planned = await planIn(module, { "package.json": "{}", ".nvmrc": nvmrc }, [
      { jobId: "j", baseId: "j", packages: ["node"] },
    ]);
    return installScript(planned.contributions[0].setupSteps[0]);
  };

  it("checks the exact version on PATH, then installs the official tarball into /usr/local", async () => {
    const script = await scriptFor("20.11.1");
    expect(script).toContain('if [ "$(node --version 2>/dev/null)" = "v20.11.1" ]; then');
    expect(script).toContain("  v=v20.11.1\n");
    expect(script).toContain("https://nodejs.org/dist/$v/node-$v-linux-$arch.tar.gz");
    expect(shellcheck(script)).toBe("");
  });

  it("accepts any patch of a line and resolves the newest one to install", async () => {
    const script = await scriptFor("20.11");
    expect(script).toContain("if node --version 2>/dev/null | grep -q '^v20\\.11\\.'; then");
    expect(script).toContain(`grep '"version":"v20\\.11\\.'`);
    expect(shellcheck(script)).toBe("");
  });

  it("resolves LTS codenames from the release index", async () => {
    const script = await scriptFor("lts/iron");
    expect(script).toContain(`grep -i '"lts":"iron"'`);
    expect(shellcheck(script)).toBe("");
  });
});
