// The esbuild options every Node bundle of this repository uses (executables, the benchmark, the
// golden updater), kept in one place so they cannot drift apart.
export const nodeBundleOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __cigenRequire } from "node:module"; const require = __cigenRequire(import.meta.url);',
  },
};
