// `npm run bench`: builds the bundles, bundles the benchmark itself (it imports the protocol
// package's TypeScript sources) and runs it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { nodeBundleOptions } from "./bundle-options.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, stdio: "inherit" });
const out = join(mkdtempSync(join(tmpdir(), "cigen-bench-build-")), "bench.mjs");
await build({ entryPoints: [join(root, "bench/main.ts")], outfile: out, ...nodeBundleOptions });
// The bundle lives in a temp dir, so it is told where the repository is.
// A budget exceeded is already reported by the table: only the exit code is passed on.
const bench = spawnSync(process.execPath, [out], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CIGEN_REPO: root },
});
process.exitCode = bench.status ?? 1;
