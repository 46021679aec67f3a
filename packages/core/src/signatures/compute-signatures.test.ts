import { chmodSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SignatureCodes } from "./codes";
import { computeSignatures } from "./compute-signatures";
import type { SignatureJob } from "./signature-types";
import { commitAll, git, makeRepo, removeTestRepos, tempDir, writeFiles } from "./test-git-repo";

afterAll(removeTestRepos);

const BASE = { "src/a.ts": "a\n", "src/b.ts": "b\n", "docs/readme.md": "hi\n", "package.json": "{}\n" };

function job(id: string, sourceFiles: string[], extra: Partial<SignatureJob> = {}): SignatureJob {
  return { id, definition: { steps: [{ run: "npm test" }] }, sourceFiles, envNames: [], needs: [], ...extra };
}

async function sign(
  dir: string,
  jobs: SignatureJob[],
  options: { groups?: Record<string, string[]>; env?: NodeJS.ProcessEnv } = {},
) {
  const { results, diagnostics } = await computeSignatures(dir, jobs, {
    groups: options.groups ?? {},
    env: options.env ?? {},
  });
  return { sig: Object.fromEntries(results.map((r) => [r.job, r.signature])), results, diagnostics };
}

const one = async (dir: string, j: SignatureJob = job("test", ["src/**"])) => (await sign(dir, [j])).sig[j.id];

describe("computeSignatures: cigen's runtime folders", () => {
  it("are not inputs: a restored cache in .cigen/home or a skip marker leaves a ** job's signature alone", async () => {
    const dir = makeRepo(BASE);
    const everything = job("all", ["**"]);
    const clean = await one(dir, everything);
    writeFiles(dir, { ".cigen/home/.npm/_cacache/index": "x\n", ".cigen/skip/test": "ok\n" });
    expect(await one(dir, everything)).toBe(clean);
    writeFiles(dir, { ".cigen/plugins/acme/main.mjs": "x\n" });
    expect(await one(dir, everything)).not.toBe(clean);
  });
});

describe("computeSignatures: content", () => {
  it("is the same on a second clone and in a worktree", async () => {
    const dir = makeRepo(BASE);
    const clone = tempDir();
    git(clone, "clone", "-q", dir, ".");
    const worktree = join(tempDir(), "wt");
    git(dir, "worktree", "add", "-q", worktree);
    const original = await one(dir);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(await one(clone)).toBe(original);
    expect(await one(worktree)).toBe(original);
  });

  it("gives a dirty tree the signature a commit of that content gives", async () => {
    const dir = makeRepo(BASE);
    writeFiles(dir, { "src/a.ts": "changed\n", "src/new.ts": "new\n" });
    unlinkSync(join(dir, "src/b.ts"));
    const unstaged = await one(dir);
    git(dir, "add", "src/a.ts");
    expect(await one(dir)).toBe(unstaged); // modified then staged
    commitAll(dir, "change");
    expect(await one(dir)).toBe(unstaged);
  });

  it("changes with a matching file, not with another one, and comes back on revert", async () => {
    const dir = makeRepo(BASE);
    const before = await one(dir);
    writeFiles(dir, { "docs/readme.md": "other\n" });
    expect(await one(dir)).toBe(before);
    writeFiles(dir, { "src/a.ts": "a2\n" });
    const changed = await one(dir);
    expect(changed).not.toBe(before);
    commitAll(dir, "a2");
    writeFiles(dir, { "src/a.ts": "a\n" });
    commitAll(dir, "revert");
    expect(await one(dir)).toBe(before);
  });

  it("counts the executable bit and hashes symlinks as git does", async () => {
    const dir = makeRepo({ ...BASE, "src/run.sh": "echo\n" });
    const before = await one(dir);
    chmodSync(join(dir, "src/run.sh"), 0o755);
    const executable = await one(dir);
    expect(executable).not.toBe(before);
    symlinkSync("a.ts", join(dir, "src/link.ts"));
    const linked = await one(dir);
    commitAll(dir, "mode and link");
    expect(git(dir, "ls-files", "-s", "src/run.sh")).toMatch(/^100755/);
    expect(await one(dir)).toBe(linked);
  });

  it("normalises CRLF like git when attributes ask for it (git hash-object fallback)", async () => {
    const dir = makeRepo({ ...BASE, ".gitattributes": "*.ts text eol=lf\n" });
    writeFiles(dir, { "src/a.ts": "x\r\ny\r\n" });
    const dirty = await one(dir);
    commitAll(dir, "crlf");
    expect(await one(dir)).toBe(dirty);
  });

  it("sees files marked assume-unchanged", async () => {
    const dir = makeRepo(BASE);
    const before = await one(dir);
    git(dir, "update-index", "--assume-unchanged", "src/a.ts");
    writeFiles(dir, { "src/a.ts": "hidden change\n" });
    expect(await one(dir)).not.toBe(before);
  });

  it("applies negations in order, with re-inclusion, and matches dotfiles", async () => {
    const dir = makeRepo({ ...BASE, "src/notes.md": "n\n", "src/keep.md": "k\n", "src/.env.example": "X=1\n" });
    const j = job("test", ["src/**", "!src/**/*.md", "src/keep.md"]);
    const before = await one(dir, j);
    writeFiles(dir, { "src/notes.md": "changed\n" });
    expect(await one(dir, j)).toBe(before);
    writeFiles(dir, { "src/keep.md": "changed\n" });
    const kept = await one(dir, j);
    expect(kept).not.toBe(before);
    writeFiles(dir, { "src/.env.example": "X=2\n" });
    expect(await one(dir, j)).not.toBe(kept);
  });

  it("expands groups recursively and reports unknown groups and cycles", async () => {
    const dir = makeRepo(BASE);
    const groups = { code: ["src/**", "@manifest"], manifest: ["package.json"], loop: ["@loop2"], loop2: ["@loop"] };
    const j = job("test", ["@code"]);
    const before = (await sign(dir, [j], { groups })).sig.test;
    writeFiles(dir, { "package.json": '{"x":1}\n' });
    expect((await sign(dir, [j], { groups })).sig.test).not.toBe(before);
    const bad = await sign(dir, [job("a", ["@loop"]), job("b", ["@nope"])], { groups });
    expect(bad.sig).toEqual({ a: undefined, b: undefined });
    expect(bad.diagnostics.map((d) => d.code).sort()).toEqual(
      [SignatureCodes.UNKNOWN_GROUP, SignatureCodes.GROUP_CYCLE].sort(),
    );
  });

  it("warns when globs match nothing", async () => {
    const dir = makeRepo(BASE);
    const { sig, diagnostics } = await sign(dir, [job("test", ["nothing/**"])]);
    expect(sig.test).toBeDefined();
    expect(diagnostics.map((d) => d.code)).toEqual([SignatureCodes.NO_MATCHING_FILES]);
  });
});

describe("computeSignatures: other inputs", () => {
  it("changes with env values, and unset differs from empty", async () => {
    const dir = makeRepo(BASE);
    const j = job("test", ["src/**"], { envNames: ["NODE_ENV"] });
    const at = async (env: NodeJS.ProcessEnv) => (await sign(dir, [j], { env })).sig.test;
    const unset = await at({});
    expect(await at({ NODE_ENV: "" })).not.toBe(unset);
    expect(await at({ NODE_ENV: "a" })).not.toBe(await at({ NODE_ENV: "b" }));
    expect(await at({ NODE_ENV: "a", OTHER: "x" })).toBe(await at({ NODE_ENV: "a" }));
  });

  it("changes with the definition, whatever its key order", async () => {
    const dir = makeRepo(BASE);
    const a = await one(dir, job("test", ["src/**"], { definition: { image: "node:20", steps: ["x"] } }));
    expect(await one(dir, job("test", ["src/**"], { definition: { steps: ["x"], image: "node:20" } }))).toBe(a);
    expect(await one(dir, job("test", ["src/**"], { definition: { steps: ["x"], image: "node:22" } }))).not.toBe(a);
  });

  it("changes with module versions and module files", async () => {
    const dir = makeRepo({ ...BASE, "package-lock.json": "{}\n" });
    const j = (version: string) =>
      job("test", ["src/**"], { modules: { node: version }, moduleFiles: ["package-lock.json"] });
    const v20 = await one(dir, j("20.11.1"));
    expect(await one(dir, j("22.1.0"))).not.toBe(v20);
    writeFiles(dir, { "package-lock.json": '{"lockfileVersion":3}\n' });
    expect(await one(dir, j("20.11.1"))).not.toBe(v20);
  });

  it("keeps matrix variants independent", async () => {
    const dir = makeRepo(BASE);
    const variant = (id: string, node: string) => job(id, ["src/**"], { definition: { image: `node:${node}` } });
    const first = await sign(dir, [variant("test-20", "20"), variant("test-22", "22")]);
    expect(first.sig["test-20"]).not.toBe(first.sig["test-22"]);
    const second = await sign(dir, [variant("test-20", "20"), variant("test-22", "24")]);
    expect(second.sig["test-20"]).toBe(first.sig["test-20"]);
  });

  it("propagates an upstream change to dependants, not the other way", async () => {
    const dir = makeRepo(BASE);
    const jobs = [job("build", ["src/**"]), job("docs", ["docs/**"], { needs: ["build"] })];
    const before = (await sign(dir, jobs)).sig;
    writeFiles(dir, { "src/a.ts": "a2\n" });
    const after = (await sign(dir, jobs)).sig;
    expect(after.build).not.toBe(before.build);
    expect(after.docs).not.toBe(before.docs);
    writeFiles(dir, { "docs/readme.md": "new\n" });
    const docsOnly = (await sign(dir, jobs)).sig;
    expect(docsOnly.build).toBe(after.build);
    expect(docsOnly.docs).not.toBe(after.docs);
  });

  it("never skips a job without source_files, nor what needs it", async () => {
    const dir = makeRepo(BASE);
    const { results } = await sign(dir, [job("setup", []), job("test", ["src/**"], { needs: ["setup"] })]);
    expect(results.map((r) => [r.job, r.signature])).toEqual([
      ["setup", undefined],
      ["test", undefined],
    ]);
    expect(results[0].reason).toMatch(/no source_files/);
    expect(results[1].reason).toMatch(/needs "setup", which always runs/);
  });

  it("is skippable on env alone, and reports its inputs", async () => {
    const dir = makeRepo(BASE);
    const { results } = await computeSignatures(dir, [job("e", [], { envNames: ["B", "A"] }), job("f", ["src/*.ts"])], {
      groups: {},
      env: {},
      includeFileList: true,
    });
    expect(results[0].signature).toBeDefined();
    expect(results[0].inputs.env).toEqual(["A", "B"]);
    expect(results[1].inputs.files).toBe(2);
    expect(results[1].inputs.fileList?.map((f) => f[0])).toEqual(["src/a.ts", "src/b.ts"]);
  });

  it("reports a directory that is not a repository", async () => {
    const dir = tempDir();
    const { sig, diagnostics } = await sign(dir, [job("test", ["src/**"])]);
    expect(sig.test).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual([SignatureCodes.GIT_FAILED]);
    rmSync(dir, { recursive: true, force: true });
  });
});
