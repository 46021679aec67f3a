import { afterAll, describe, expect, it } from "vitest";
import { SignatureCodes } from "./codes";
import { replayHistory } from "./history-replay";
import type { SignatureJob } from "./signature-types";
import { commitAll, makeRepo, removeTestRepos, writeFiles } from "./test-git-repo";

afterAll(removeTestRepos);

function job(id: string, sourceFiles: string[], needs: string[] = []): SignatureJob {
  return { id, definition: { run: id }, sourceFiles, envNames: [], needs };
}

/**
 * c1 adds src/a.txt (v1), docs/x.md and deploy.sh; c2 edits docs; c3 sets src/a.txt to v2; c4 edits
 * docs; c5 reverts src/a.txt to v1.
 *   build  (src/**):   S1 S1 S2 S2 S1 -> 2 distinct
 *   docs   (docs/**):  D1 D2 D2 D3 D3 -> 3 distinct
 *   deploy (deploy.sh, needs build): follows build -> 2 distinct
 *   lint   (no source_files): runs on all 5
 */
function scriptedHistory(): string {
  const dir = makeRepo({ "src/a.txt": "v1\n", "docs/x.md": "1\n", "deploy.sh": "echo\n" });
  writeFiles(dir, { "docs/x.md": "2\n" });
  commitAll(dir, "c2");
  writeFiles(dir, { "src/a.txt": "v2\n" });
  commitAll(dir, "c3");
  writeFiles(dir, { "docs/x.md": "3\n" });
  commitAll(dir, "c4");
  writeFiles(dir, { "src/a.txt": "v1\n" });
  commitAll(dir, "c5");
  return dir;
}

const JOBS = [
  job("build", ["src/**"]),
  job("docs", ["docs/**"]),
  job("deploy", ["deploy.sh"], ["build"]),
  job("lint", []),
];

describe("replayHistory", () => {
  it("counts runs with and without cigen over a scripted history", async () => {
    const dir = scriptedHistory();
    const progress: number[] = [];
    const { commits, results, diagnostics } = await replayHistory(dir, JOBS, {
      commits: 5,
      groups: {},
      onProgress: (done) => progress.push(done),
    });
    expect(commits).toBe(5);
    expect(diagnostics).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const runs = Object.fromEntries(results.map((r) => [r.job, [r.runsWithout, r.runsWith, r.saved]]));
    expect(runs).toEqual({ build: [5, 2, 0.6], docs: [5, 3, 0.4], deploy: [5, 2, 0.6], lint: [5, 5, 0] });
    expect(results.find((r) => r.job === "lint")?.reason).toMatch(/no source_files/);
  });

  it("replays only the last N commits, and says when fewer exist", async () => {
    const dir = scriptedHistory();
    // c3..c5: build S2 S2 S1 -> 2; docs D2 D3 D3 -> 2.
    const last3 = await replayHistory(dir, JOBS.slice(0, 2), { commits: 3, groups: {} });
    expect(last3.results.map((r) => r.runsWith)).toEqual([2, 2]);
    const long = await replayHistory(dir, JOBS.slice(0, 1), { commits: 50, groups: {} });
    expect(long.commits).toBe(5);
    expect(long.diagnostics.map((d) => d.code)).toEqual([SignatureCodes.SHORT_HISTORY]);
  });

  it("counts a commit that changes nothing as the same state", async () => {
    const dir = makeRepo({ "src/a.txt": "v1\n" });
    commitAll(dir, "empty");
    const { results } = await replayHistory(dir, [job("build", ["src/**"])], { commits: 2, groups: {} });
    expect(results[0]).toMatchObject({ runsWithout: 2, runsWith: 1, saved: 0.5 });
  });
});
