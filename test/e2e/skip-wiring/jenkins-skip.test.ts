/**
 * Runs the Jenkins skipping wiring's shell for real, minus Jenkins: the real `cigen generate` writes
 * the Jenkinsfile; the plan stage's `cigen signatures` and `cigen preflight --job J` scripts and a
 * stage's `post { success }` record script are read back from their Groovy string literals and run
 * with bash in a temporary git repository against a dir store. Preflight exits 0 (run), then 78
 * (skip) once the job recorded, then 0 again after an input changed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAll, commitFile, generate, shellEnv, skipRepo } from "../../support/skip-harness";

const CONFIG = `providers: [jenkins]
skip_store: { type: dir, path: .cigen-store }
jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: echo build
  test:
    needs: [build]
    source_files: ["test/**"]
    steps:
      - run: echo test
`;

let repo: string;
let jenkinsfile: string;

/** A Groovy string literal's value ('...' or '''...''', the only forms the provider writes for scripts). */
function groovyValue(literal: string): string {
  const body = literal.startsWith("'''") ? literal.slice(3, -3) : literal.slice(1, -1);
  return body.replace(/\\(.)/g, "$1");
}

/** The script of the `sh` step with this label. */
function script(label: string): string {
  const at = jenkinsfile.indexOf(`sh(label: '${label}', script: `) + `sh(label: '${label}', script: `.length;
  const found = /^('''[\s\S]*?(?<!\\)'''|'(?:[^'\\]|\\.)*')/.exec(jenkinsfile.slice(at));
  expect(found, label).not.toBeNull();
  return groovyValue((found as RegExpExecArray)[1]);
}

/** The record script of a stage's `post { success }`. */
function recordScript(stage: string): string {
  const from = jenkinsfile.indexOf(`stage('${stage}')`);
  const at =
    jenkinsfile.indexOf("sh label: 'cigen record', script: ", from) + "sh label: 'cigen record', script: ".length;
  const found = /^'''[\s\S]*?(?<!\\)'''/.exec(jenkinsfile.slice(at));
  return groovyValue((found as RegExpExecArray)[0]);
}

/** A Jenkins build of main (multibranch: BRANCH_NAME), with the repository's node_modules/.bin on PATH. */
function sh(text: string, extra: Record<string, string> = {}) {
  const env = shellEnv(repo);
  const jenkins = { JENKINS_URL: "https://jenkins.example/", BRANCH_NAME: "main" };
  return spawnSync("bash", ["-e", "-c", text], { cwd: repo, encoding: "utf8", env: { ...env, ...jenkins, ...extra } });
}

/** The plan stage: every signature, then each job's preflight status. */
function plan(): { signatures: string; status: Record<string, number | null> } {
  const signatures = sh(script("cigen signatures")).stdout;
  const status = Object.fromEntries(["build", "test"].map((job) => [job, sh(script(`cigen preflight ${job}`)).status]));
  return { signatures, status };
}

beforeAll(async () => {
  repo = skipRepo({
    "cigen.yml": CONFIG,
    "src/a.txt": "a\n",
    "test/t.txt": "t\n",
    ".gitignore": "node_modules/\n.cigen-store/\n",
  });
  jenkinsfile = await generate(repo, "Jenkinsfile");
  commitAll(repo);
}, 120_000);

describe("jenkins skipping, run for real", () => {
  it("preflight says run, then skip once the stage recorded its planned signature", () => {
    const first = plan();
    expect(first.status).toEqual({ build: 0, test: 0 });
    expect(first.signatures).toMatch(/^build\t[0-9a-f]{64}\ntest\t[0-9a-f]{64}\n?$/);
    for (const job of ["build", "test"]) {
      const r = sh(recordScript(job), { CIGEN_SIGNATURES: first.signatures });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(plan().status).toEqual({ build: 78, test: 78 });
  }, 420_000);

  it("runs again when an input changed, downstream too when upstream changed", () => {
    commitFile(repo, "test/t.txt", "t2\n");
    expect(plan().status).toEqual({ build: 78, test: 0 });
    commitFile(repo, "src/a.txt", "b\n");
    expect(plan().status).toEqual({ build: 0, test: 0 });
  }, 420_000);

  it("records the signature planned before the steps ran, not the work tree after them", () => {
    const planned = plan().signatures;
    writeFileSync(join(repo, "src/a.txt"), "changed by a step\n");
    expect(sh(recordScript("build"), { CIGEN_SIGNATURES: planned }).status).toBe(0);
    execFileSync("git", ["checkout", "-q", "src/a.txt"], { cwd: repo });
    expect(plan().status.build).toBe(78);
  }, 420_000);

  it("records nothing from a change request, or without a planned signature", () => {
    commitFile(repo, "test/t.txt", "t3\n");
    const planned = plan().signatures;
    expect(sh(recordScript("test"), { CIGEN_SIGNATURES: planned, CHANGE_ID: "12", BRANCH_NAME: "PR-12" }).status).toBe(
      0,
    );
    const none = sh(recordScript("test"), { CIGEN_SIGNATURES: "" });
    expect(none.stdout).toContain("cigen: no signature was planned for test; nothing recorded");
    expect(plan().status.test).toBe(0);
  }, 420_000);
});
