/**
 * `cigen signatures`, `preflight` and `record` through the real CLI: output formats, exit codes
 * 0/78 with their reason lines, checkout-independent signatures, and the trust rules of record
 * (simulated CI environments).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skipRepo } from "./skip-repo";

const CONFIG = `skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: make
  test:
    needs: [build]
    source_files: ["tests/**"]
    skip_if:
      env: [TARGET]
    steps:
      - run: make test
  docs:
    steps:
      - run: make docs
  cached:
    source_files: ["src/**"]
    skip_store: { type: native }
    steps:
      - run: make cached
  release:
    source_files: ["src/**"]
    skip_store: { type: dir, path: .cigen-store, record_on: ["release/*"] }
    steps:
      - run: make release
`;

const HEX = /^[0-9a-f]{64}$/;

async function signatureOf(repo: ReturnType<typeof skipRepo>, job: string, env?: NodeJS.ProcessEnv) {
  const r = await repo.cigen(["signatures", "--job", job, "--format", "lines"], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim().split("\t")[1];
}

describe("cigen signatures", () => {
  const repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/a.txt": "a\n",
    "tests/t.txt": "t\n",
    ".gitignore": ".cigen-store/\n",
  });

  it("prints the JSON envelope with one entry per job variant, null for jobs never skipped", async () => {
    const { code, doc } = await repo.json(["signatures"]);
    expect(code).toBe(0);
    expect(doc).toMatchObject({ ok: true, diagnostics: [] });
    expect(doc.signatures.map((s: { job: string }) => s.job)).toEqual(["build", "test", "docs", "cached", "release"]);
    const [build, test, docs] = doc.signatures;
    expect(build.signature).toMatch(HEX);
    expect(test.inputs).toEqual({ files: 1, env: ["TARGET"], modules: {}, needs: ["build"] });
    expect(docs.signature).toBeNull();
    const lines = await repo.cigen(["signatures", "--format", "lines"]);
    expect(lines.stdout.split("\n")).toContain(`build\t${build.signature}`);
    expect(lines.stdout.split("\n")).toContain("docs\t-");
  });

  it("gives equal signatures for the same content committed or modified-but-uncommitted", async () => {
    repo.write({ "src/a.txt": "a2\n", "src/new.txt": "untracked but matching\n" });
    const dirty = await signatureOf(repo, "test");
    repo.commit("a2");
    expect(await signatureOf(repo, "test")).toBe(dirty);
  });

  it("changes with a skip_if.env value and a job's definition", async () => {
    const base = await signatureOf(repo, "test");
    expect(await signatureOf(repo, "test", { TARGET: "x" })).not.toBe(base);
    writeFileSync(join(repo.dir, "cigen.yml"), CONFIG.replace("make test", "make check"));
    expect(await signatureOf(repo, "test")).not.toBe(base);
    writeFileSync(join(repo.dir, "cigen.yml"), CONFIG);
    expect(await signatureOf(repo, "test")).toBe(base);
  });

  it("refuses an unknown job with exit 1", async () => {
    const r = await repo.cigen(["signatures", "--job", "biuld"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CIGEN-SKIP-001: there is no job variant "biuld"');
    expect(r.stderr).toContain('did you mean "build"?');
  });
});

describe("cigen preflight and record", () => {
  const repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/a.txt": "a\n",
    "tests/t.txt": "t\n",
    ".gitignore": ".cigen-store/\n",
  });

  it("exits 0 with the reason before a record, 78 after it", async () => {
    const signature = await signatureOf(repo, "build");
    const before = await repo.cigen(["preflight", "--job", "build"]);
    expect(before.code).toBe(0);
    expect(before.stderr).toBe(`run: no successful run recorded for signature ${signature.slice(0, 8)}…\n`);
    const recorded = await repo.cigen(["record", "--job", "build"]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const after = await repo.cigen(["preflight", "--job", "build"]);
    expect(after.code).toBe(78);
    const commit = repo.git("rev-parse", "HEAD").trim();
    expect(after.stderr).toMatch(
      new RegExp(`^skip: signature ${signature.slice(0, 8)}… recorded by ${commit} on main at \\d{4}-\\d\\d-\\d\\dT`),
    );
    const json = await repo.json(["preflight", "--job", "build"]);
    expect(json.code).toBe(78);
    expect(json.doc).toMatchObject({
      ok: true,
      job: "build",
      signature,
      should_run: false,
      record: { job_id: "build", signature, metadata: { commit, branch: "main", provider: "local" } },
    });
  });

  it("uses --signature instead of computing, and refuses a malformed one", async () => {
    const other = "0".repeat(64);
    const r = await repo.cigen(["preflight", "--job", "build", "--signature", other]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("run: no successful run recorded for signature 00000000…");
    const bad = await repo.cigen(["preflight", "--job", "build", "--signature", "xyz"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("CIGEN-SKIP-002");
  });

  it("always runs a job without source_files or on the native store, and lists every job with --all", async () => {
    const docs = await repo.cigen(["preflight", "--job", "docs"]);
    expect([docs.code, docs.stderr]).toEqual([0, "run: job has no source_files or skip_if\n"]);
    const cached = await repo.cigen(["preflight", "--job", "cached"]);
    expect([cached.code, cached.stderr]).toEqual([
      0,
      "run: the native store is checked by the provider's cache step\n",
    ]);
    const all = await repo.cigen(["preflight", "--all", "--format", "lines"]);
    expect(all.code).toBe(0);
    const rows = all.stdout
      .trim()
      .split("\n")
      .map((l) => l.split("\t"));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ["build", "skip"],
      ["test", "run"],
      ["docs", "run"],
      ["cached", "run"],
      ["release", "run"],
    ]);
    expect(rows[2][2]).toBe("-");
  });

  it("runs (exit 0) with a warning when the store cannot be used: never skips on doubt", async () => {
    writeFileSync(join(repo.dir, "broken.yml"), CONFIG.replace("path: .cigen-store }", "path: src/a.txt/store }"));
    const r = await repo.cigen(["preflight", "--job", "build", "--config", "broken.yml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("CIGEN-SKIP-003");
    expect(r.stderr).toMatch(/^run: the dir store could not be asked/m);
  });

  it("records the signature given with --signature, computed before the steps ran", async () => {
    const planned = await signatureOf(repo, "test");
    repo.write({ "tests/t.txt": "changed by a step\n" });
    const r = await repo.json(["record", "--job", "test", "--signature", planned]);
    expect(r.doc).toMatchObject({ recorded: true, signature: planned, store: "dir" });
    expect(r.doc.diagnostics.map((d: { code: string }) => d.code)).toContain("CIGEN-SKIP-004");
    repo.write({ "tests/t.txt": "t\n" });
    expect((await repo.cigen(["preflight", "--job", "test"])).code).toBe(78);
  });
});

describe("the trust rules of cigen record", () => {
  const repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/a.txt": "a\n",
    "tests/t.txt": "t\n",
    ".gitignore": ".cigen-store/\n",
  });
  const event = join(repo.dir, "event.json");
  writeFileSync(event, JSON.stringify({ repository: { default_branch: "trunk" } }));
  const github = (branch: string, name = "push") => ({
    GITHUB_ACTIONS: "true",
    GITHUB_REF_NAME: branch,
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: event,
  });

  async function record(job: string, env: NodeJS.ProcessEnv) {
    const r = await repo.json(["record", "--job", job], env);
    expect(r.code, r.stderr).toBe(0);
    return r.doc as { recorded: boolean; notice: string | null };
  }
  const skipped = async (job: string) => (await repo.cigen(["preflight", "--job", job])).code === 78;

  it("records nothing on a branch that is not the default one, nor on a pull request (exit 0, notice)", async () => {
    expect(await record("build", github("main"))).toMatchObject({
      recorded: false,
      notice: expect.stringContaining('branch "main" is not in record_on (trunk)'),
    });
    expect(await record("build", { ...github("trunk", "pull_request"), GITHUB_HEAD_REF: "trunk" })).toMatchObject({
      recorded: false,
      notice: expect.stringContaining("pull requests"),
    });
    expect(
      await record("build", { GITLAB_CI: "true", CI_COMMIT_BRANCH: "main", CI_MERGE_REQUEST_IID: "4" }),
    ).toMatchObject({
      recorded: false,
    });
    expect(await record("build", { CI: "true" })).toMatchObject({ recorded: false });
    const text = await repo.cigen(["record", "--job", "build"], github("feature"));
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/^cigen: nothing recorded for .*build.*: branch "feature" is not in record_on/m);
    expect(await skipped("build")).toBe(false);
  });

  it("records on the default branch, and on the record_on globs when given", async () => {
    expect(await record("build", github("trunk"))).toMatchObject({ recorded: true });
    expect(await skipped("build")).toBe(true);
    expect(
      await record("release", {
        BUILDKITE: "true",
        BUILDKITE_BRANCH: "trunk",
        BUILDKITE_PIPELINE_DEFAULT_BRANCH: "trunk",
        BUILDKITE_PULL_REQUEST: "false",
      }),
    ).toMatchObject({ recorded: false });
    expect(await record("release", { CIRCLECI: "true", CIRCLE_BRANCH: "release/1.2" })).toMatchObject({
      recorded: true,
    });
    expect(await skipped("release")).toBe(true);
  });

  it("outside CI records; the native store never records from cigen", async () => {
    expect(await record("test", {})).toMatchObject({ recorded: true });
    expect(await record("cached", {})).toMatchObject({
      recorded: false,
      notice: expect.stringContaining("native store"),
    });
  });
});
