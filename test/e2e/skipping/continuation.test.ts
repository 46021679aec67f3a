/**
 * `cigen continuation` through the real CLI and the real GitHub provider: recorded jobs are
 * pruned, a dependant whose own signature is not recorded stays (its needs on pruned jobs
 * dropped), a recorded producer of artifacts a remaining job consumes is put back, and the output
 * is still a valid workflow. Also: a normal generate keeps every job (setup mode).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFindings, validateFiles } from "../../support/validators";
import { skipRepo } from "./skip-repo";

const CONFIG = `skip_store: { type: dir, path: .cigen-store }
jobs:
  prep:
    source_files: ["src/**"]
    steps:
      - run: make prep
  check:
    needs: [prep]
    source_files: ["tests/**"]
    steps:
      - run: make check
  build:
    source_files: ["src/**"]
    artifacts: [dist/]
    steps:
      - run: make build
  package:
    needs: [build]
    source_files: ["pkg/**"]
    steps:
      - run: make package
  docs:
    steps:
      - run: make docs
`;

describe("cigen continuation --provider github", () => {
  const repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/a.txt": "a\n",
    "tests/t.txt": "t\n",
    "pkg/p.txt": "p\n",
    ".gitignore": ".cigen-store/\n",
  });

  it("keeps every job when nothing is recorded", async () => {
    const { code, doc } = await repo.json(["continuation", "--provider", "github"]);
    expect(code, JSON.stringify(doc.diagnostics)).toBe(0);
    expect(doc).toMatchObject({ ok: true, removed: [], restored: [] });
    expect(Object.keys(parse(doc.content).jobs)).toEqual(
      expect.arrayContaining(["prep", "check", "build", "package", "docs"]),
    );
  });

  it("prunes recorded jobs, keeps dependants, puts an artifact producer back, and stays valid", async () => {
    for (const job of ["prep", "check", "build", "package"])
      expect((await repo.cigen(["record", "--job", job])).code).toBe(0);
    repo.write({ "tests/t.txt": "t2\n", "pkg/p.txt": "p2\n" });
    const r = await repo.cigen(["continuation", "--provider", "github", "--output", "child.yml"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("1 job(s) skipped (prep)");
    const text = readFileSync(join(repo.dir, "child.yml"), "utf8");
    const jobs = parse(text).jobs as Record<string, { needs?: string[] }>;
    expect(jobs.prep).toBeUndefined();
    expect(jobs.check).toBeDefined();
    expect(jobs.check.needs ?? []).not.toContain("prep");
    expect(jobs.build).toBeDefined();
    expect(jobs.package.needs).toContain("build");
    expect(jobs.docs).toBeDefined();
    const findings = await validateFiles("github", [{ file: ".github/workflows/ci.yml", text }]);
    expect(findings, formatFindings(findings)).toEqual([]);
    const json = await repo.json(["continuation", "--provider", "github"]);
    expect(json.doc).toMatchObject({ removed: ["prep"], restored: ["build"], path: ".github/workflows/ci.yml" });
  });

  it("removes a dependant too when its own signature is recorded", async () => {
    repo.write({ "tests/t.txt": "t\n" });
    const { doc } = await repo.json(["continuation", "--provider", "github"]);
    expect(doc.removed).toEqual(["prep", "check"]);
  });

  it("still generates every job with cigen generate (setup mode)", async () => {
    expect((await repo.cigen(["generate"])).code).toBe(0);
    const jobs = parse(readFileSync(join(repo.dir, ".github/workflows/ci.yml"), "utf8")).jobs;
    expect(Object.keys(jobs)).toEqual(expect.arrayContaining(["prep", "check", "build", "package", "docs"]));
  });

  it("refuses a provider no plugin provides", async () => {
    const r = await repo.cigen(["continuation", "--provider", "githb"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean "github"?');
  });
});
