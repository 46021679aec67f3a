/**
 * The invariants of job-skipping.md, proven with `cigen run` on a real git repository and the real
 * dir store: a job is skipped only when none of its inputs changed, never recorded after a failure,
 * matrix variants are independent, upstream changes propagate, and a revert reuses an earlier run.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runJob, skipRepo } from "./skip-repo";

const CONFIG = `skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**", "!src/**/*.md"]
    steps:
      - run: echo build >> ran.log
  test:
    needs: [build]
    source_files: ["tests/**"]
    steps:
      - run: echo test >> ran.log
  lint:
    source_files: ["src/**"]
    matrix:
      node: ["18", "20"]
    steps:
      - run: '[ "{{ matrix.node }}" != 20 ] || [ -f fixed-20 ] || exit 7'
      - run: echo "lint {{ matrix.node }}" >> ran.log
      - run: echo "cleanup {{ matrix.node }}" >> ran.log
        if: always
`;

describe("cigen run with a dir store", () => {
  const repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/app.txt": "v1\n",
    "src/notes.md": "notes\n",
    "tests/app.test.txt": "t1\n",
    "README.md": "readme\n",
    ".gitignore": ".cigen-store/\nran.log\nfixed-20\n",
  });

  it("runs a job and the jobs it needs, then skips both when nothing changed", async () => {
    const first = await runJob(repo, "test");
    expect(first.code, first.stderr).toBe(0);
    expect(first.actions).toEqual({ build: "ran", test: "ran" });
    expect(first.doc.jobs.every((j: { recorded: boolean }) => j.recorded)).toBe(true);
    expect(readFileSync(join(repo.dir, "ran.log"), "utf8")).toBe("build\ntest\n");
    const again = await runJob(repo, "test");
    expect(again.actions).toEqual({ build: "skipped", test: "skipped" });
    expect(again.doc.jobs[0].reason).toMatch(/^skip: signature [0-9a-f]{8}… recorded by [0-9a-f]{40} on main at /);
  });

  it("runs again when a matching file changes, committed or not; not when another file changes", async () => {
    repo.write({ "README.md": "readme 2\n", "src/notes.md": "excluded by a negation\n" });
    expect((await runJob(repo, "build")).actions).toEqual({ build: "skipped" });
    repo.write({ "src/app.txt": "v2\n" });
    expect((await runJob(repo, "build")).actions).toEqual({ build: "ran" });
    repo.commit("v2");
    expect((await runJob(repo, "build")).actions).toEqual({ build: "skipped" });
  });

  it("propagates an upstream change to dependants (their signature includes the upstream's)", async () => {
    // src/app.txt is v2 now: build was recorded for it above, test was not (its upstream changed).
    expect((await runJob(repo, "test")).actions).toEqual({ build: "skipped", test: "ran" });
    expect((await runJob(repo, "test")).actions).toEqual({ build: "skipped", test: "skipped" });
  });

  it("runs a dependant whose own inputs changed although its upstream is skipped", async () => {
    repo.write({ "tests/app.test.txt": "t2\n" });
    repo.commit("t2");
    expect((await runJob(repo, "test")).actions).toEqual({ build: "skipped", test: "ran" });
  });

  it("reuses the earlier success after a revert to earlier content", async () => {
    repo.write({ "src/app.txt": "v1\n", "tests/app.test.txt": "t1\n" });
    repo.commit("revert");
    expect((await runJob(repo, "test")).actions).toEqual({ build: "skipped", test: "skipped" });
  });

  it("records nothing after a failed step, runs again on retry, and keeps matrix variants apart", async () => {
    const failed = await runJob(repo, "lint-20");
    expect(failed.code).toBe(7);
    expect(failed.actions).toEqual({ "lint-20": "failed" });
    expect(failed.doc.diagnostics.map((d: { code: string }) => d.code)).toContain("CIGEN-SKIP-008");
    const log = readFileSync(join(repo.dir, "ran.log"), "utf8");
    expect(log).toContain("cleanup 20\n");
    expect(log).not.toContain("lint 20\n");
    expect((await runJob(repo, "lint-18")).actions).toEqual({ "lint-18": "ran" });
    expect((await runJob(repo, "lint-18")).actions).toEqual({ "lint-18": "skipped" });
    expect((await runJob(repo, "lint-20")).code).toBe(7);
    repo.write({ "fixed-20": "" });
    expect((await runJob(repo, "lint-20")).actions).toEqual({ "lint-20": "ran" });
    expect((await runJob(repo, "lint-20")).actions).toEqual({ "lint-20": "skipped" });
  });

  it("--dry-run runs and records nothing", async () => {
    repo.write({ "src/app.txt": "v3\n" });
    const before = readFileSync(join(repo.dir, "ran.log"), "utf8");
    const dry = await repo.json(["run", "build", "--dry-run"]);
    expect(dry.doc.jobs).toMatchObject([{ job: "build", action: "would-run", recorded: false }]);
    expect(readFileSync(join(repo.dir, "ran.log"), "utf8")).toBe(before);
    expect((await runJob(repo, "build")).actions).toEqual({ build: "ran" });
  });

  it("uses the local dir store .cigen/signatures for a job on the native store", async () => {
    const native = skipRepo({
      "cigen.yml": "jobs:\n  build:\n    source_files: [src/**]\n    steps:\n      - run: 'true'\n",
      "src/a.txt": "a\n",
    });
    expect((await runJob(native, "build")).actions).toEqual({ build: "ran" });
    expect(existsSync(join(native.dir, ".cigen/signatures"))).toBe(true);
    expect((await runJob(native, "build")).actions).toEqual({ build: "skipped" });
  });
});
