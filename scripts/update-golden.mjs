// `npm run golden:update`: rewrites test/golden/*/*/expected from the current code (for an example,
// only what its own folder does not commit). Review the diff before committing: the golden test
// exists to make every output change visible.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { nodeBundleOptions } from "./bundle-options.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, stdio: "inherit" });
const bundle = join(mkdtempSync(join(tmpdir(), "cigen-golden-")), "run-golden.mjs");
await build({ entryPoints: [join(root, "test/golden/run-golden.ts")], outfile: bundle, ...nodeBundleOptions });
const { PROVIDERS, generateCase, goldenCases } = await import(bundle);
for (const { name, configDir, expectedDir: expected, committedProviders } of goldenCases(root)) {
  rmSync(expected, { recursive: true, force: true });
  for (const provider of PROVIDERS) {
    const out = await generateCase(root, configDir, provider);
    if (out.diagnostics) {
      mkdirSync(expected, { recursive: true });
      writeFileSync(join(expected, `${provider}.diagnostics.txt`), out.diagnostics);
    }
    // An example's own providers: its files are committed in its folder (`cigen generate` there).
    for (const [path, content] of committedProviders.has(provider) ? [] : (out.files ?? [])) {
      const target = join(expected, provider, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    console.log(
      `${name} ${provider}: ${out.files ? `${out.files.size} file(s)` : "refused"}${out.diagnostics ? " + diagnostics" : ""}`,
    );
  }
}
