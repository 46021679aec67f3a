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

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where each provider must show a detected version: the toolchain set-up (a setup action's
 * version input or a rustup install on GitHub, the job's image elsewhere).
 */
const SETUP: Record<ValidatorProvider, (version: string) => RegExp> = {
  github: (v) => new RegExp(`-version: ${literal(v)}\\n|rustup toolchain install ${literal(v)} `),
  circleci: (v) => new RegExp(`image: cimg/[a-z]+:${literal(v)}\\n`),
  buildkite: (v) => new RegExp(`image: [a-z]+:${literal(v)}\\n`),
  gitlab: (v) => new RegExp(`image: [a-z]+:${literal(v)}\\n`),
  jenkins: (v) => new RegExp(`image '[a-z]+:${literal(v)}'`),
};

/**
 * How each provider puts a lock file's checksum into a cache key: its own checksum function in
 * the key, GitLab's `key: files:`, Jenkins' Job Cacher validity file (the cache is rebuilt when
 * that file changes). The version must be in the same key.
 */
const LOCK_KEY: Record<ValidatorProvider, (version: string, lock: string) => RegExp> = {
  github: (v, lock) => new RegExp(`key: .*-${literal(v)}-.*\\$\\{\\{ hashFiles\\('${literal(lock)}'\\) \\}\\}`),
  circleci: (v, lock) => new RegExp(`key: .*-${literal(v)}-.*\\{\\{ checksum "${literal(lock)}" \\}\\}`),
  buildkite: (v, lock) => new RegExp(`key: .*-${literal(v)}-.*\\{\\{ checksum '${literal(lock)}' \\}\\}`),
  gitlab: (v, lock) =>
    new RegExp(`key:\\n\\s+files:\\n(\\s+- .*\\n)*\\s+- ${literal(lock)}\\n\\s+prefix: .*-${literal(v)}`),
  jenkins: (v, lock) =>
    new RegExp(`cacheName: '[^']*-${literal(v)}[^']*', cacheValidityDecidingFile: '${literal(lock)}'`),
};

/**
 * None of these repositories lists cigen in a package.json (most have none), so the planning
 * job must not install the repository's packages: it runs the published cigen through npx.
 */
function expectCigenFetched(provider: ValidatorProvider, text: string): void {
  expect(text, `${provider}: cigen through npx`).toMatch(/npx --yes cigen@\S+ (signatures|continuation|preflight)/);
  expect(text, `${provider}: no install of the repository for cigen`).not.toMatch(/npm ci|npx --no-install cigen/);
}

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
      const [version] = project.versions;
      expect(all, `${provider}: detected version in the set-up`).toMatch(SETUP[provider](version));
      for (const lock of project.lockFiles)
        expect(all, `${provider}: ${lock}'s checksum in the cache key`).toMatch(LOCK_KEY[provider](version, lock));
      // Buildkite and Jenkins have no store of their own: init's config gives them no skipping.
      if (provider !== "buildkite" && provider !== "jenkins") expectCigenFetched(provider, texts[0].text);
      const findings = await validateFiles(
        provider,
        texts.filter((t) => isValidatable(provider, t.file)),
      );
      expect(formatFindings(findings), `${provider} output`).toBe("");
    }
  });
});
