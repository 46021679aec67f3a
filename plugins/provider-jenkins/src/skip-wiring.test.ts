import { createTestHost } from "@cigen/plugin-sdk/testing";
import { FETCHED_FLAGS, job, modelOf } from "@cigen/provider-kit/testing";
import { afterAll, describe, expect, it } from "vitest";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { plugin } from "./plugin";
import { richModel } from "./rich-model";

const host = createTestHost(plugin);
afterAll(() => host.close());
const FLAGS = { "skip.mode": "setup", "skip.command": "npx --no-install cigen" };
const dirStore = { type: "dir", settingsJson: '{"path":"/var/cache/cigen"}' };

async function generate(m: ReturnType<typeof modelOf>, flags: Record<string, string> = FLAGS) {
  const res = await host.call("generate", { target: "jenkins", model: m, flags });
  return { text: res.fragments[0].content, diagnostics: res.diagnostics };
}

describe("jenkins job skipping", () => {
  it("keeps today's output exactly when no job is skippable", async () => {
    expect((await generate(richModel())).text).toBe((await generate(richModel(), {})).text);
  });

  it("plans in a first stage, skips by env in `when` (no agent taken) and records on success", async () => {
    const m = modelOf([
      job("build", { skip: { sourceFiles: ["src/**"], store: dirStore } }),
      job("test", { needs: ["build"], skip: { sourceFiles: ["test/**"], store: dirStore } }),
      job("deploy", { needs: ["test"], trigger: { branches: ["main"] } }),
    ]);
    const { text, diagnostics } = await generate(m);
    expect(diagnostics).toEqual([]);
    const findings = await validateFiles("jenkins", [{ file: "Jenkinsfile", text }]);
    expect(formatFindings(findings)).toBe("");
    expect(text).toContain("stage('cigen-plan') {\n      agent any");
    expect(text).toContain(
      "env.CIGEN_SKIP_build = sh(label: 'cigen preflight build', script: 'npx --no-install cigen preflight --job \\'build\\'', returnStatus: true) == 78 ? 'true' : 'false'",
    );
    expect(text).toContain(
      "env.CIGEN_SIGNATURES = sh(label: 'cigen signatures', script: 'npx --no-install cigen signatures --format lines', returnStdout: true)",
    );
    // test runs when build succeeded or was skipped by the plan, and unless it is skipped itself.
    expect(text).toMatch(
      /stage\('test'\) \{[\s\S]*?when \{\n\s+beforeAgent true\n[\s\S]*?environment name: 'CIGEN_OK_build', value: 'true'[\s\S]*?environment name: 'CIGEN_SKIP_build', value: 'true'[\s\S]*?not \{\n\s+environment name: 'CIGEN_SKIP_test', value: 'true'/,
    );
    expect(text).toMatch(
      /post \{\n\s+success \{\n\s+script \{ env.CIGEN_OK_build = 'true' \}\n\s+sh label: 'cigen record'/,
    );
    expect(text).not.toMatch(/stage\('deploy'\)[\s\S]*cigen record/);
  }, 120_000);

  it("installs nothing when the core says the command fetches cigen (a repository without cigen in package.json)", async () => {
    const { text } = await generate(modelOf([job("build", { skip: { sourceFiles: ["src/**"], store: dirStore } })]), {
      ...FETCHED_FLAGS,
    });
    expect(text).not.toContain("Install cigen");
    expect(text).toContain("script: 'npx --yes cigen@1.2.3 signatures --format lines'");
    expect(text).toMatch(
      /then\n {2}\(\nif ! command -v npx [\s\S]* &&\nnpx --yes cigen@1\.2\.3 record --job 'build' --signature "\$sig"\n\) \|\| echo "cigen: could not record/,
    );
  });

  it("never skips a job whose artifacts another job takes", async () => {
    const out = { path: "dist/", name: "build-0" };
    const m = modelOf([
      job("build", { artifacts: [out], skip: { sourceFiles: ["src/**"], store: dirStore } }),
      job("test", { needs: ["build"], artifactInputs: [{ fromJob: "build", artifact: out }] }),
    ]);
    const { text } = await generate(m);
    expect(text).not.toContain("cigen-plan");
  });

  it("warns that jobs without a store always run", async () => {
    const m = modelOf([job("lint", { skip: { sourceFiles: ["src/**"], store: { type: "native" } } })]);
    const { text, diagnostics } = await generate(m);
    expect(diagnostics.map((d) => [d.code, d.level])).toEqual([["JENKINS-009", 2]]);
    expect(diagnostics[0].message).toBe(
      'jobs "lint" have source_files or skip_if but no skip_store; jenkins has no cache of its own, so they always run',
    );
    expect(text).not.toContain("cigen-plan");
  });
});
