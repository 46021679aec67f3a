/**
 * Runs the signature benchmark alone and prints its rows:
 *   npx esbuild bench/signatures-main.ts --bundle --platform=node --format=esm --outfile=/tmp/sig-bench.mjs && node /tmp/sig-bench.mjs
 */
import { signatureBench } from "./signatures";

for (const row of await signatureBench())
  console.log(
    `${row.what.padEnd(48)} ${row.ms.toFixed(1).padStart(9)} ms  ${row.ratio.toFixed(2)}x ${row.baseline}${row.budget ? ` (budget ${row.budget}x)` : ""}`,
  );
