/**
 * Issue 6's end-to-end proof: on repositories shaped like real projects, `cigen init` writes a
 * config that validates, and `cigen generate` for all five providers writes output that the
 * validators accept with zero findings, with the detected versions in the setup steps and the
 * lock files' checksums in the cache keys.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../support/cli";
import { tempRepo } from "../../support/temp-repo";
import { formatFindings, isValidatable, type ValidatorProvider, validateFiles } from "../../support/validators";
import { PROJECTS } from "./project-shapes";

const PROVIDERS: ValidatorProvider[] = ["github", "circleci", "buildkite", "gitlab", "jenkins"];

function gitRepo(files: Record<string, string>): string {
  const dir = tempRepo(files);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init");
  return dir;
}

/**
 * With skippable jobs, CircleCI's committed config is the setup workflow; the jobs themselves (with
 * the setup steps and caches) are the continuation that setup workflow generates in CI.
 */
async function circleciContinuation(dir: string): Promise<{ file: string; text: string }> {
  const file = ".circleci/continuation.yml";
  const made = await runCli(["continuation", "--provider", "circleci", "--output", file], { cwd: dir });
  expect(made.code, made.stderr).toBe(0);
  return { file, text: readFileSync(join(dir, file), "utf8") };
}

describe.each(PROJECTS)("$name", (project) => {
  it("init writes a config that validates; generate is valid on all five providers", { timeout: 300_000 }, async () => {
    const dir = gitRepo(project.files);
    const init = await runCli(["init", ...PROVIDERS.flatMap((p) => ["--provider", p])], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const config = readFileSync(join(dir, "cigen.yml"), "utf8");
    for (const name of project.packages)
      expect(config).toMatch(new RegExp(`packages:[^\\n]*\\b${name}\\b|- ${name}\\n`));
    for (const name of project.services) expect(config).toContain(name);
    expect(config).toContain("source_files");

    const validate = await runCli(["validate"], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);

    const generated = await runCli(["generate", "--json"], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    const { files } = JSON.parse(generated.stdout) as { files: { path: string; provider: ValidatorProvider }[] };
    for (const provider of PROVIDERS) {
      const mine = files.filter((f) => f.provider === provider);
      expect(mine.length, `${provider} wrote no file`).toBeGreaterThan(0);
      const texts = mine.map((f) => ({ file: f.path, text: readFileSync(join(dir, f.path), "utf8") }));
      if (provider === "circleci") texts.push(await circleciContinuation(dir));
      const all = texts.map((t) => t.text).join("\n");
      for (const version of project.versions) expect(all, `${provider}: detected version`).toContain(version);
      for (const lock of project.lockFiles) expect(all, `${provider}: lock file in the cache key`).toContain(lock);
      const findings = await validateFiles(
        provider,
        texts.filter((t) => isValidatable(provider, t.file)),
      );
      expect(formatFindings(findings), `${provider} output`).toBe("");
    }
  });
});
