/**
 * Runs once before the suite: bundles cigen and its plugins (end-to-end tests spawn the real
 * executables, so they must match the sources under test) and the misbehaving fixture plugin.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(): Promise<void> {
  try {
    execFileSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, stdio: "inherit" });
  } catch {
    // The build printed what failed; tests of the packages that did build still run, and the
    // end-to-end tests that need a missing bundle fail on their own.
  }
  await build({
    entryPoints: [`${root}/test/fixtures/misbehaving-plugin/plugin.ts`],
    outfile: `${root}/test/fixtures/misbehaving-plugin/dist/plugin.mjs`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  // The sample third-party module, as a user of cigen would build it (tests copy it into .cigen/plugins).
  execFileSync(process.execPath, ["examples/third-party-module/build.mjs"], { cwd: root, stdio: "inherit" });
}
