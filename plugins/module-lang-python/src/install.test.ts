/**
 * The toolchain check runs against real interpreters: a Debian system Python marked "externally
 * managed" (PEP 668) must not count as usable, since pip would refuse the install that follows;
 * a virtual environment made from the same interpreter is not managed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { SourceLocationSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { tempRepo } from "../../../test/support/temp-repo";
import { PIP_MAY_INSTALL, pythonToolchain } from "./install";
import type { PackageManager } from "./package-manager";
import { describeStep } from "./test-support";

/** The system interpreter, when this machine has one with the PEP 668 mark (Debian 12 does). */
function managedSystemPython(): string | undefined {
  const python = "/usr/bin/python3";
  if (!existsSync(python)) return undefined;
  const stdlib = execFileSync(python, ["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"], {
    encoding: "utf8",
  }).trim();
  return existsSync(join(stdlib, "EXTERNALLY-MANAGED")) ? python : undefined;
}

const system = managedSystemPython();

/** Runs the check with `binDir` first on PATH, as a job's shell would find python3 there. */
function check(binDir: string): number | null {
  return spawnSync("sh", ["-c", PIP_MAY_INSTALL], { env: { PATH: `${binDir}:/usr/bin:/bin` } }).status;
}

describe.skipIf(!system)("lang/python toolchain check", () => {
  it("refuses an externally managed system Python and accepts a virtual environment made from it", () => {
    expect(check("/usr/bin")).toBe(1);
    const venv = tempRepo({});
    execFileSync(system as string, ["-m", "venv", "--without-pip", venv]);
    expect(check(join(venv, "bin"))).toBe(0);
  });

  it("is part of the setup step's check, so such a Python is replaced rather than used", () => {
    const manager: PackageManager = {
      name: "pip",
      lockFiles: [],
      diagnostics: [],
      at: create(SourceLocationSchema, { file: "requirements.txt", line: 1, column: 1 }),
    };
    const script = describeStep(pythonToolchain("3.11", manager))[2];
    expect(script.split("\n")[0]).toBe(
      `if python3 --version 2>&1 | grep -Eq '^Python 3\\.11(\\.|$)' && python3 -m pip --version >/dev/null 2>&1 && ${PIP_MAY_INSTALL}; then`,
    );
  });
});
