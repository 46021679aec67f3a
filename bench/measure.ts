/** Timing helpers for the benchmark: medians over repeated runs, in milliseconds. */
import { spawn } from "node:child_process";

export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the median milliseconds. */
export async function medianOf(runs: number, fn: () => Promise<void>, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Spawns a command and resolves when it exits; rejects on a non-zero exit. */
export function run(command: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr}`)),
    );
  });
}

/**
 * Medians of `fn` and of `baseline`, run alternately `runs` times (after one unmeasured run of
 * each), so both see the same machine load. On the shared 2-core machine the load changes within
 * seconds; a baseline measured once at the start swung the generate ratios by 20-30%.
 */
export async function medianWithBaseline(
  runs: number,
  fn: () => Promise<void>,
  baseline: () => Promise<void>,
): Promise<{ ms: number; baselineMs: number }> {
  await baseline();
  await fn();
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await baseline();
    baselineSamples.push(performance.now() - t);
    t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return { ms: median(samples), baselineMs: median(baselineSamples) };
}
