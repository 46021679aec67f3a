/**
 * A real git repository for the job-skipping tests, driven through the real bundled `cigen`, with
 * an environment that says "not in CI" (the test runner itself may run in CI) unless a test adds
 * a provider's variables.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CliResult, runCli } from "../../support/cli";
import { tempRepo } from "../../support/temp-repo";

/** Every variable that would make cigen believe it runs in CI, emptied (empty = unset for cigen). */
export const OUTSIDE_CI: NodeJS.ProcessEnv = Object.fromEntries(
  [
    "CI",
    "GITHUB_ACTIONS",
    "GITHUB_REF_NAME",
    "GITHUB_HEAD_REF",
    "GITHUB_EVENT_NAME",
    "GITHUB_EVENT_PATH",
    "CIRCLECI",
    "CIRCLE_BRANCH",
    "CIRCLE_PULL_REQUEST",
    "BUILDKITE",
    "BUILDKITE_BRANCH",
    "BUILDKITE_PULL_REQUEST",
    "GITLAB_CI",
    "CI_COMMIT_BRANCH",
    "CI_DEFAULT_BRANCH",
    "CI_MERGE_REQUEST_IID",
    "JENKINS_URL",
    "CHANGE_ID",
    "CIGEN_DEFAULT_BRANCH",
  ].map((name) => [name, ""]),
);

export interface SkipRepo {
  dir: string;
  /** Writes files (path -> content; null deletes). */
  write(files: Record<string, string | null>): void;
  /** Commits everything in the work tree. */
  commit(message?: string): void;
  git(...args: string[]): string;
  cigen(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** `cigen <args> --json`, parsed; fails the test on output that is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: the documents are checked field by field with expect.
  json(args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number | null; doc: any; stderr: string }>;
}

/** A repository on branch main with the given files committed. */
export function skipRepo(files: Record<string, string>): SkipRepo {
  const dir = tempRepo(files);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: dir, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  const repo: SkipRepo = {
    dir,
    git,
    write(changes) {
      for (const [path, content] of Object.entries(changes)) {
        const file = join(dir, path);
        if (content === null) rmSync(file, { force: true });
        else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
    },
    commit(message = "change") {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
    },
    cigen: (args, env = {}) => runCli(args, { cwd: dir, env: { ...OUTSIDE_CI, ...env } }),
    async json(args, env) {
      const r = await repo.cigen([...args, "--json"], env);
      try {
        return { code: r.code, doc: JSON.parse(r.stdout), stderr: r.stderr };
      } catch {
        throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
      }
    },
  };
  repo.commit("initial");
  return repo;
}

/** `cigen run JOB --json`: each job variant's action (ran, skipped, failed) and the exit code. */
export async function runJob(repo: SkipRepo, job: string, env?: NodeJS.ProcessEnv) {
  const { code, doc, stderr } = await repo.json(["run", job], env);
  const actions = Object.fromEntries((doc.jobs as { job: string; action: string }[]).map((j) => [j.job, j.action]));
  return { code, actions, doc, stderr };
}
