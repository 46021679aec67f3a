/** Synthetic cigen.yml files of a given size, shaped like a real monorepo's CI. */

/** Providers that cannot express service containers (they refuse a job with `services`). */
const NO_SERVICES = new Set(["jenkins"]);

/**
 * A config with `jobs` jobs: chains of needs, services (when every provider can express them),
 * source files, env and a few steps each.
 */
export function syntheticConfig(jobs: number, providers: string[] = ["github"]): string {
  const services = providers.every((p) => !NO_SERVICES.has(p));
  const lines = [`providers: [${providers.join(", ")}]`, "jobs:"];
  for (let i = 0; i < jobs; i++) {
    lines.push(`  job_${i}:`);
    if (i > 0) lines.push(`    needs: [job_${Math.floor((i - 1) / 2)}]`);
    lines.push("    env:", `      SHARD: "${i}"`);
    if (services && i % 10 === 0) lines.push("    services: [postgres]");
    lines.push(
      '    source_files: ["src/**", "package.json"]',
      "    steps:",
      "      - run: npm ci",
      `      - name: Test shard ${i}`,
      `        run: npm test -- --shard=${i}`,
      "      - run: echo done",
    );
  }
  return `${lines.join("\n")}\n`;
}
