import { planIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";
import { describeStep, installScript, shellcheck, show } from "./test-helpers";

const lock = [
  "GEM",
  "  specs:",
  "    rake (13.1.0)",
  "",
  "RUBY VERSION",
  "   ruby 3.3.0p0",
  "",
  "BUNDLED WITH",
  "   2.5.6",
  "",
].join("\n");
const repo = { Gemfile: 'gem "rake"\n', "Gemfile.lock": lock, ".ruby-version": "3.3.0\n" };
const FROZEN =
  "run: bundle config set --local path vendor/bundle && bundle config set --local frozen true && bundle install --jobs 4";

describe("lang/ruby plan", () => {
  it("sets up Ruby and installs the locked gems into vendor/bundle for `packages: [ruby]`", async () => {
    const planned = await planIn(module, repo, [{ jobId: "test", baseId: "test", packages: ["ruby"] }]);
    const [job] = planned.contributions;
    expect(job.setupSteps.map(describeStep)).toEqual(["setup ruby 3.3.0 (ruby:3.3.0)", FROZEN]);
    const setup = job.setupSteps[0].kind.value as { module: string; options: Record<string, string> };
    expect([setup.module, setup.options]).toEqual(["lang/ruby", { bundler: "2.5.6" }]);
    expect([job.env, planned.diagnostics]).toEqual([[], []]);
  });

  it("caches vendor/bundle keyed by the Ruby version and Gemfile.lock's checksum, with a fallback key", async () => {
    const planned = await planIn(module, repo, [{ jobId: "test", baseId: "test", packages: ["ruby"] }]);
    const [cache] = planned.contributions[0].caches;
    expect([cache.name, show(cache.key), cache.restoreKeys.map(show), cache.paths]).toEqual([
      "ruby",
      "<platform:os>-<platform:arch>-ruby-3.3.0-<checksum:Gemfile.lock>",
      ["<platform:os>-<platform:arch>-ruby-3.3.0-"],
      ["vendor/bundle"],
    ]);
  });

  it("adds the version, Gemfile and lock files and the versions to the job's signature", async () => {
    const planned = await planIn(module, repo, [{ jobId: "test", baseId: "test", packages: ["ruby"] }]);
    const [job] = planned.contributions;
    expect(job.signatureFiles).toEqual([".ruby-version", "Gemfile.lock", "Gemfile"]);
    expect(job.signatureValues).toEqual({ ruby: "3.3.0", bundler: "2.5.6" });
  });

  it("installs without freezing and keys the cache on the Gemfile when there is no lock file", async () => {
    const planned = await planIn(module, { Gemfile: 'gem "rake"\n', ".ruby-version": "3.2" }, [
      { jobId: "j", baseId: "j", packages: ["ruby"] },
    ]);
    const [job] = planned.contributions;
    expect(job.setupSteps.map(describeStep)).toEqual([
      "setup ruby 3.2 (ruby:3.2)",
      "run: bundle config set --local path vendor/bundle && bundle install --jobs 4",
    ]);
    expect(show(job.caches[0].key)).toBe("<platform:os>-<platform:arch>-ruby-3.2-<checksum:Gemfile>");
    expect(job.signatureValues).toEqual({ ruby: "3.2" });
  });

  it("replaces a `uses:` step, honouring with.version and with.install", async () => {
    const planned = await planIn(module, repo, [
      {
        jobId: "lint",
        baseId: "lint",
        uses: [
          { stepIndex: 1, constraint: "^1", with: { version: "~> 3.2.0" } },
          { stepIndex: 3, with: { version: "3.4", install: "false", bundler: "2" } },
        ],
      },
    ]);
    const [job] = planned.contributions;
    expect(job.setupSteps).toEqual([]);
    expect(job.replacements.map((r) => [r.stepIndex, r.steps.map(describeStep)])).toEqual([
      [1, ["setup ruby 3.2 (ruby:3.2)", FROZEN]],
      [3, ["setup ruby 3.4 (ruby:3.4)"]],
    ]);
    expect(job.signatureValues.ruby).toBe("3.2");
    expect(show(job.caches[0].key)).toContain("-ruby-3.2-");
    expect(planned.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["RUBY-005", 'job "lint", step 4: uses lang/ruby has no input "bundler"; it is ignored'],
    ]);
  });

  it("keeps the detected version when with.version names none", async () => {
    const planned = await planIn(module, repo, [
      { jobId: "j", baseId: "j", uses: [{ stepIndex: 0, with: { version: "jruby-9.4" } }] },
    ]);
    expect(describeStep(planned.contributions[0].replacements[0].steps[0])).toBe("setup ruby 3.3.0 (ruby:3.3.0)");
    expect(planned.diagnostics.map((d) => d.code)).toEqual(["RUBY-006"]);
  });
});

describe("lang/ruby install script", () => {
  const scriptFor = async (version: string) => {
    const planned = await planIn(module, { ...repo, ".ruby-version": version }, [
      { jobId: "j", baseId: "j", packages: ["ruby"] },
    ]);
    return installScript(planned.contributions[0].setupSteps[0]);
  };

  it("checks the exact version on PATH, else builds it with ruby-build into /usr/local", async () => {
    const script = await scriptFor("3.3.0");
    expect(script).toContain(`if [ "$(ruby -e 'print RUBY_VERSION' 2>/dev/null)" = "3.3.0" ]; then`);
    expect(script).toContain("  v=3.3.0\n");
    expect(script).toContain('$sudo "$tmp/bin/ruby-build" "$v" /usr/local');
    expect(shellcheck(script)).toBe("");
  });

  it("accepts any patch of a release line and builds the newest one", async () => {
    const script = await scriptFor("3.3");
    expect(script).toContain(`if ruby -e 'print RUBY_VERSION' 2>/dev/null | grep -q '^3\\.3\\.'; then`);
    expect(script).toContain(`grep -E '^3\\.3\\.[0-9]+$' | tail -n 1`);
    expect(shellcheck(script)).toBe("");
  });
});
