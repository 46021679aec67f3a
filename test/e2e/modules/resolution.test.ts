/**
 * Module version resolution with npm semver semantics over every installed copy, and conflicts
 * between modules that provide the same package. The copies are the sample third-party module
 * built as different releases and installed where discovery looks (.cigen/plugins, node_modules/.bin).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../support/cli";
import { tempRepo } from "../../support/temp-repo";
import { installModule, installModuleVersion } from "./third-party";

function repoUsing(ref: string, extra = ""): string {
  const dir = tempRepo({
    "cigen.yml": `providers: [github]\n${extra}jobs:\n  lint:\n    steps:\n      - uses: ${ref}\n        with: { files: scripts/deploy.sh }\n`,
    "scripts/deploy.sh": "#!/bin/sh\necho deploy\n",
  });
  installModuleVersion(dir, ".cigen/plugins", "2.1.0");
  installModuleVersion(dir, "node_modules/.bin", "1.4.0");
  return dir;
}

async function lockedVersion(dir: string): Promise<{ code: number | null; stderr: string; lock?: string }> {
  const result = await runCli(["lock"], { cwd: dir });
  return { ...result, lock: result.code === 0 ? readFileSync(join(dir, "cigen.lock"), "utf8") : undefined };
}

describe("module resolution", () => {
  it("picks the highest installed version that satisfies the range, wherever it is", async () => {
    const one = await lockedVersion(repoUsing("acme/shellcheck@^1"));
    expect(one.code, one.stderr).toBe(0);
    expect(one.lock).toMatch(/version: 1\.4\.0\n {4}constraints:\n {6}- \^1\n {4}source: node_modules\n/);

    const any = await lockedVersion(repoUsing("acme/shellcheck@>=1"));
    expect(any.lock).toMatch(/version: 2\.1\.0\n[\s\S]*source: \.cigen\/plugins/);
  });

  it("lists the versions found when none satisfies the range", async () => {
    const none = await runCli(["generate"], { cwd: repoUsing("acme/shellcheck@^3") });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/cigen\.yml:5:\d+: error CIGEN-MODULE-002:/);
    expect(none.stderr).toContain('no installed version of acme/shellcheck satisfies "^3"');
    expect(none.stderr).toContain("2.1.0 (.cigen/plugins)");
    expect(none.stderr).toContain("1.4.0 (node_modules)");
  });

  it("refuses a range that is not semver", async () => {
    const bad = await runCli(["generate"], { cwd: repoUsing("acme/shellcheck@one") });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("CIGEN-MODULE-004");
    expect(bad.stderr).toContain('"one" is not a version range');
  });

  it("replaces the uses: step with the module's steps in the generated workflow", async () => {
    const dir = repoUsing("acme/shellcheck@^1");
    const generated = await runCli(["generate"], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    const workflow = readFileSync(join(dir, ".github/workflows/ci.yml"), "utf8");
    expect(workflow).toContain("Set up shellcheck 0.10.0");
    expect(workflow).toContain("shellcheck scripts/deploy.sh");
    expect(workflow).not.toContain("acme/shellcheck@");
  });

  it("has generated CI install the repository's packages when a module comes from its node_modules", async () => {
    const skippable = (source: string) => {
      const dir = tempRepo({
        "cigen.yml":
          "providers: [github]\njobs:\n  lint:\n    source_files: [scripts/**]\n    steps:\n      - uses: acme/shellcheck@^1\n        with: { files: scripts/deploy.sh }\n",
        "scripts/deploy.sh": "#!/bin/sh\necho deploy\n",
        "package.json": JSON.stringify({
          name: "app",
          private: true,
          devDependencies: { "cigen-module-acme-shellcheck": "1" },
        }),
        "package-lock.json": "{}\n",
      });
      installModule(dir, source);
      return dir;
    };
    const planSteps = async (dir: string) => {
      const generated = await runCli(["generate"], { cwd: dir });
      expect(generated.code, generated.stderr).toBe(0);
      const workflow = readFileSync(join(dir, ".github/workflows/ci.yml"), "utf8");
      return workflow.slice(workflow.indexOf("cigen-plan:"), workflow.indexOf("\n  lint:"));
    };
    // The module is only in node_modules: CI needs `npm ci` for cigen to find it there.
    const installed = await planSteps(skippable("node_modules/.bin"));
    expect(installed).toContain("run: npm ci --ignore-scripts --no-audit --no-fund");
    expect(installed).toMatch(/npx --yes cigen@\S+ signatures/);
    // Committed to .cigen/plugins, it is in the checkout: nothing to install.
    const committed = await planSteps(skippable(".cigen/plugins"));
    expect(committed).not.toContain("Install cigen");
    expect(committed).toMatch(/npx --yes cigen@\S+ signatures/);
  });

  it("reports two modules that provide the same package, until the config picks one", async () => {
    const config =
      "providers: [github]\njobs:\n  lint:\n    packages: [shellcheck]\n    steps:\n      - run: shellcheck scripts/*.sh\n";
    const dir = tempRepo({ "cigen.yml": config, "scripts/a.sh": "echo a\n" });
    installModule(dir, ".cigen/plugins");
    installModule(dir, ".cigen/plugins", "cigen-module-other-shellcheck.mjs");
    const conflict = await runCli(["generate"], { cwd: dir });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/cigen\.yml:4:16: error CIGEN-MODULE-003:/);
    expect(conflict.stderr).toContain('"shellcheck" is provided by several modules: acme/shellcheck, other/shellcheck');

    const picked = tempRepo({
      "cigen.yml": `modules:\n  shellcheck: other/shellcheck@^1\n${config}`,
      "scripts/a.sh": "echo a\n",
    });
    installModule(picked, ".cigen/plugins");
    installModule(picked, ".cigen/plugins", "cigen-module-other-shellcheck.mjs");
    const lock = await lockedVersion(picked);
    expect(lock.code, lock.stderr).toBe(0);
    expect(lock.lock).toContain("other/shellcheck:");
    expect(lock.lock).not.toContain("acme/shellcheck:");
  });
});
