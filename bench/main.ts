/**
 * `npm run bench`: start-up and throughput of cigen, each printed next to a baseline measured in
 * the same run (`node -e 0`, a raw pipe echo), with the budgets from the issues as ratios. Exits 1
 * when a budget is exceeded.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { medianOf, medianWithBaseline, run } from "./measure";
import { modulesProject } from "./modules-project";
import { pingAndEcho, pingFrameBytes, spawnHandshake } from "./round-trip";
import { type Row, signatureBench } from "./signatures";
import { syntheticConfig } from "./synthetic-config";

const root = process.env.CIGEN_REPO ?? fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "packages/cli/dist/main.mjs");
const githubBundle = join(root, "plugins/provider-github/dist/main.mjs");

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), "cigen-bench-"));
  writeFileSync(join(dir, "cigen.yml"), config);
  return dir;
}

function generate(dir: string): Promise<void> {
  return run(process.execPath, [cli, "generate", "--quiet", "--out-dir", join(dir, "out")], dir);
}

async function generateMs(dir: string, runs: number): Promise<number> {
  return medianOf(runs, () => generate(dir));
}

const nodeE0 = () => run(process.execPath, ["-e", "0"]);

/** A generate row judged against `node -e 0` runs interleaved with its own. */
async function generateRow(what: string, dir: string, runs: number, budget?: number): Promise<Row> {
  const { ms, baselineMs } = await medianWithBaseline(runs, () => generate(dir), nodeE0);
  const baseline = `node -e 0 alongside (${baselineMs.toFixed(0)} ms)`;
  return { what, ms, baseline, ratio: ms / baselineMs, budget };
}

const rows: Row[] = [];
const nodeStart = await medianOf(15, nodeE0, 2);
rows.push({ what: "node -e 0", ms: nodeStart, baseline: "-", ratio: 1 });

const spawnHandshakeMs = await spawnHandshake(githubBundle);
rows.push({
  what: "plugin spawn + handshake",
  ms: spawnHandshakeMs,
  baseline: "node -e 0",
  ratio: spawnHandshakeMs / nodeStart,
});
// The echo moves as many bytes as one Ping call puts on the wire.
const frameBytes = pingFrameBytes();
const { pingMs, echoMs } = await pingAndEcho(githubBundle, frameBytes);
rows.push({ what: `raw pipe echo (${frameBytes} B, Node <-> Node)`, ms: echoMs, baseline: "-", ratio: 1 });
rows.push({
  what: "small call round trip (Ping)",
  ms: pingMs,
  baseline: "raw pipe echo",
  ratio: pingMs / echoMs,
  budget: 1.5,
});

const dirs: string[] = [];
for (const [jobs, budget, runs] of [
  [50, 6, 9],
  [1000, 12, 5],
] as const) {
  const dir = project(syntheticConfig(jobs));
  dirs.push(dir);
  rows.push(await generateRow(`cigen generate, ${jobs} jobs`, dir, runs, budget));
}

const all = ["github", "circleci", "buildkite", "gitlab", "jenkins"];
const five = project(syntheticConfig(50, all));
dirs.push(five);
try {
  const one = rows.find((r) => r.what === "cigen generate, 50 jobs")!.ms;
  const ms = await generateMs(five, 7);
  rows.push({ what: "cigen generate, 50 jobs, 5 providers", ms, baseline: "same, 1 provider", ratio: ms / one });
} catch (e) {
  rows.push({
    what: `5 providers: not measured (${(e as Error).message.split("\n")[0].slice(0, 60)})`,
    ms: Number.NaN,
    baseline: "-",
    ratio: Number.NaN,
  });
}
// Six modules (five languages and postgres) start concurrently, detect, plan, and stay alive for the run.
const modules = modulesProject(50);
dirs.push(modules);
rows.push(await generateRow("cigen generate, 50 jobs, 6 modules", modules, 5));
for (const d of dirs) rmSync(d, { recursive: true, force: true });

// Work signatures on a 100,000-file repository and the savings replay (built once, kept in the temp dir).
rows.push(...(await signatureBench()));

const failures = rows.filter((r) => r.budget !== undefined && !(r.ratio <= r.budget));
console.log("| measurement | median | baseline | ratio | budget |");
console.log("| --- | ---: | --- | ---: | --- |");
for (const r of rows) {
  const verdict = r.budget === undefined ? "" : `<= ${r.budget}x ${r.ratio <= r.budget ? "ok" : "OVER"}`;
  console.log(
    `| ${r.what} | ${r.ms < 1 ? `${(r.ms * 1000).toFixed(0)} µs` : `${r.ms.toFixed(1)} ms`} | ${r.baseline} | ${r.ratio.toFixed(2)}x | ${verdict} |`,
  );
}
if (failures.length) {
  console.log(`\n${failures.length} budget(s) exceeded: ${failures.map((f) => f.what).join(", ")}`);
  process.exitCode = 1;
}
