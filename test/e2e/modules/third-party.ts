/** The sample third-party module (examples/third-party-module) installed into temp repositories. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../../support/cli";

export const MODULE_FILE = "cigen-module-acme-shellcheck.mjs";
const built = join(repoRoot, "examples/third-party-module/dist", MODULE_FILE);

/** Copies the module (built by the global setup) to `dir` inside `repo`, under `name`. */
export function installModule(repo: string, dir: string, name = MODULE_FILE): string {
  const target = join(repo, dir, name);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(built, target);
  return target;
}

/** Builds the module again reporting `version` (another release of it) and installs that copy. */
export function installModuleVersion(repo: string, dir: string, version: string): string {
  const out = join(mkdtempSync(join(tmpdir(), "cigen-module-build-")), MODULE_FILE);
  execFileSync(process.execPath, [join(repoRoot, "examples/third-party-module/build.mjs"), version, out]);
  const target = join(repo, dir, MODULE_FILE);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(out, target);
  return target;
}
