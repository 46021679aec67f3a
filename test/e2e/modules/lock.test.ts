/**
 * cigen.lock end to end, with the sample third-party module found in .cigen/plugins: `cigen lock`
 * is deterministic, `generate` refuses a module whose bytes changed (naming both hashes) and
 * writes nothing, `--update-lock` is the way out, and a locked module that disappeared is a
 * clear error.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../support/cli";
import { tempRepo } from "../../support/temp-repo";
import { formatFindings, validateFiles } from "../../support/validators";
import { installModule } from "./third-party";

const CONFIG = `providers: [github]
jobs:
  lint:
    packages: [shellcheck]
    steps:
      - run: shellcheck scripts/*.sh
`;

function repo(): string {
  const dir = tempRepo({ "cigen.yml": CONFIG, "scripts/deploy.sh": "#!/bin/sh\necho deploy\n" });
  installModule(dir, ".cigen/plugins");
  return dir;
}

const WORKFLOW = ".github/workflows/ci.yml";

describe("cigen lock", () => {
  it("records the module's version, origin and sha256, byte-identical when run again", async () => {
    const dir = repo();
    const first = await runCli(["lock", "--json"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      status: "written",
      modules: [{ name: "acme/shellcheck", version: "1.0.0", source: ".cigen/plugins" }],
    });
    const lock = readFileSync(join(dir, "cigen.lock"), "utf8");
    expect(lock).toMatch(/acme\/shellcheck:\n {4}version: 1\.0\.0\n/);
    expect(lock).toContain("path: .cigen/plugins/cigen-module-acme-shellcheck.mjs");
    expect(lock).toMatch(/sha256: [0-9a-f]{64}\n/);
    expect(lock).toContain("- package:shellcheck");

    const again = await runCli(["lock", "--json"], { cwd: dir });
    expect(JSON.parse(again.stdout).status).toBe("unchanged");
    expect(readFileSync(join(dir, "cigen.lock"), "utf8")).toBe(lock);
    expect((await runCli(["lock", "--check"], { cwd: dir })).code).toBe(0);
  });

  it("generates with the locked module: its setup step is in valid output", async () => {
    const dir = repo();
    expect((await runCli(["lock"], { cwd: dir })).code).toBe(0);
    const generated = await runCli(["generate"], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    const workflow = readFileSync(join(dir, WORKFLOW), "utf8");
    expect(workflow).toContain("Set up shellcheck 0.10.0");
    expect(workflow).toContain("shellcheck-v0.10.0.linux.$arch.tar.xz");
    const findings = await validateFiles("github", [{ file: WORKFLOW, text: workflow }]);
    expect(findings, formatFindings(findings)).toEqual([]);
  });

  it("refuses a module whose executable changed by one byte, naming both hashes, and writes nothing", async () => {
    const dir = repo();
    expect((await runCli(["lock"], { cwd: dir })).code).toBe(0);
    const expected = /sha256: ([0-9a-f]{64})/.exec(readFileSync(join(dir, "cigen.lock"), "utf8"))![1];
    const module = join(dir, ".cigen/plugins/cigen-module-acme-shellcheck.mjs");
    // One byte: the bundle's last newline becomes a space, so the module still runs (the lock,
    // not a crash, must be what stops it).
    const bytes = readFileSync(module);
    expect(bytes[bytes.length - 1]).toBe(0x0a);
    bytes[bytes.length - 1] = 0x20;
    writeFileSync(module, bytes);

    const refused = await runCli(["generate"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("CIGEN-LOCK-001");
    expect(refused.stderr).toContain("acme/shellcheck");
    expect(refused.stderr).toContain(`expected sha256 ${expected}`);
    expect(refused.stderr).toMatch(/found [0-9a-f]{64}/);
    expect(refused.stderr).not.toMatch(/found \s*$/);
    expect(() => readFileSync(join(dir, WORKFLOW))).toThrow();
    expect((await runCli(["validate"], { cwd: dir })).code).toBe(1);

    const updated = await runCli(["generate", "--update-lock"], { cwd: dir });
    expect(updated.code, updated.stderr).toBe(0);
    expect(readFileSync(join(dir, "cigen.lock"), "utf8")).not.toContain(expected);
    expect((await runCli(["generate"], { cwd: dir })).code).toBe(0);
  });

  it("says clearly when a locked module is gone, and when no module provides a package", async () => {
    const dir = repo();
    expect((await runCli(["lock"], { cwd: dir })).code).toBe(0);
    rmSync(join(dir, ".cigen/plugins/cigen-module-acme-shellcheck.mjs"));
    const gone = await runCli(["generate"], { cwd: dir });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("CIGEN-LOCK-004");
    expect(gone.stderr).toContain("module acme/shellcheck 1.0.0 is locked at .cigen/plugins");

    const typo = tempRepo({ "cigen.yml": CONFIG.replace("[shellcheck]", "[shelcheck]") });
    installModule(typo, ".cigen/plugins");
    const missing = await runCli(["generate"], { cwd: typo });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cigen\.yml:4:16: error CIGEN-MODULE-001:/);
    expect(missing.stderr).toContain('no installed module provides the package "shelcheck"');
    expect(missing.stderr).toContain("shellcheck");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
