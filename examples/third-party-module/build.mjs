// Bundles the module into one executable file, the shape cigen discovers in .cigen/plugins/.
// A real third-party module would depend on the published @cigen/plugin-sdk and @cigen/module-kit;
// inside this checkout esbuild resolves them from the workspace's node_modules.
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const version = process.argv[2] ?? "1.0.0";
const outfile = process.argv[3] ?? `${here}dist/cigen-module-acme-shellcheck.mjs`;
await build({
  entryPoints: [`${here}src/main.ts`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  banner: { js: "#!/usr/bin/env node\nimport{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
  define: { __MODULE_VERSION__: JSON.stringify(version) },
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
