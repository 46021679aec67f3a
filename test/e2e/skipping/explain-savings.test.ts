/**
 * `cigen explain` and `cigen savings` through the real CLI: explain names the changed file and
 * the changed env variable (never its value); savings replays a scripted history whose counts the
 * test derives by hand.
 */
import { describe, expect, it } from "vitest";
import { skipRepo } from "./skip-repo";

const CONFIG = `skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: 'true'
  test:
    needs: [build]
    source_files: ["tests/**"]
    skip_if:
      env: [DEPLOY_TOKEN]
    steps:
      - run: 'true'
  docs:
    steps:
      - run: 'true'
`;

describe("cigen explain", () => {
  const repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/a.txt": "a\n",
    "src/b.txt": "b\n",
    "tests/t.txt": "t\n",
    ".gitignore": ".cigen-store/\n",
  });

  it("lists the changed file and the changed env variable name since the last recorded success", async () => {
    expect((await repo.cigen(["run", "test"], { DEPLOY_TOKEN: "secret-one" })).code).toBe(0);
    const same = await repo.json(["explain", "test"], { DEPLOY_TOKEN: "secret-one" });
    expect(same.doc).toMatchObject({ ok: true, recorded: true, changes: { env: [], definition: false } });
    repo.write({ "src/b.txt": "b2\n", "src/c.txt": "new\n", "tests/t.txt": "t2\n" });
    const text = await repo.cigen(["explain", "test"], { DEPLOY_TOKEN: "secret-two" });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("not recorded: the job runs");
    expect(text.stdout).toContain("  file changed: tests/t.txt\n");
    expect(text.stdout).toContain("  env changed: DEPLOY_TOKEN\n");
    expect(text.stdout).toContain("  upstream changed: build\n");
    expect(text.stdout).not.toContain("secret");
    const build = await repo.json(["explain", "build"]);
    expect(build.doc.changes).toEqual({
      files: { added: ["src/c.txt"], removed: [], changed: ["src/b.txt"] },
      env: [],
      modules: [],
      needs: [],
      definition: false,
    });
    expect(JSON.stringify(build.doc)).not.toContain("secret");
  });

  it("says when nothing is recorded yet, and refuses the native store with a clear diagnostic", async () => {
    const fresh = skipRepo({
      "cigen.yml": CONFIG.replace("skip_store: { type: dir, path: .cigen-store }\n", ""),
      "src/a.txt": "a\n",
    });
    const native = await fresh.cigen(["explain", "build"]);
    expect(native.code).toBe(1);
    expect(native.stderr).toContain("CIGEN-SKIP-005");
    const none = await repo.json(["explain", "docs"]);
    expect(none.doc).toMatchObject({ signature: null, reason: expect.stringContaining("always runs") });
    const neverRun = skipRepo({ "cigen.yml": CONFIG, "src/a.txt": "a\n" });
    const empty = await neverRun.json(["explain", "build"]);
    expect(empty.doc.diagnostics.map((d: { code: string }) => d.code)).toContain("CIGEN-SKIP-006");
  });
});

describe("cigen savings", () => {
  // Seven commits. build matches src/**, test matches tests/** and needs build, docs always runs.
  //   1 initial: src a, tests t   -> build S1, test T1
  //   2 README only                -> no change
  //   3 src/a = a2                 -> build S2, test T2 (upstream moved)
  //   4 tests/t = t2               -> test T3
  //   5 src/a = a (revert)         -> build S1 again (not new), test T4 (new pair: S1 + t2)
  //   6 README                     -> no change
  //   7 tests/t = t (revert)       -> test = (S1, t) = T1 again, not new
  // build: 2 distinct signatures of 7; test: 4 of 7; docs: 7 of 7.
  const repo = skipRepo({ "cigen.yml": CONFIG, "src/a.txt": "a\n", "tests/t.txt": "t\n", "README.md": "1\n" });
  const steps: Record<string, string>[] = [
    { "README.md": "2\n" },
    { "src/a.txt": "a2\n" },
    { "tests/t.txt": "t2\n" },
    { "src/a.txt": "a\n" },
    { "README.md": "3\n" },
    { "tests/t.txt": "t\n" },
  ];
  for (const files of steps) {
    repo.write(files);
    repo.commit();
  }

  it("counts runs with and without signatures over the replayed commits", async () => {
    const { code, doc } = await repo.json(["savings", "--commits", "7"]);
    expect(code).toBe(0);
    expect(doc.commits).toBe(7);
    expect(doc.jobs).toEqual([
      { job: "build", runs_without: 7, runs_with: 2, saved: 5 / 7, reason: null },
      { job: "test", runs_without: 7, runs_with: 4, saved: 3 / 7, reason: null },
      { job: "docs", runs_without: 7, runs_with: 7, saved: 0, reason: expect.stringContaining("always runs") },
    ]);
    expect(doc.total).toEqual({ runs_without: 21, runs_with: 13, saved: 8 / 21 });
    const table = await repo.cigen(["savings", "--commits", "7"]);
    expect(table.stdout).toMatch(/^build\s+7\s+2\s+71%$/m);
    expect(table.stdout).toMatch(/^total\s+21\s+13\s+38%$/m);
  });
});
