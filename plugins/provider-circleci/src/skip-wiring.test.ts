import { createTestHost } from "@cigen/plugin-sdk/testing";
import type { Model } from "@cigen/protocol";
import { recordOrNotice } from "@cigen/provider-kit";
import { FETCHED_FLAGS, job, model } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { plugin } from "./plugin";
import { richModel } from "./rich-model";

const SIG_A = "a".repeat(64);
const SIG_B = "b".repeat(64);
const dirStore = { type: "dir", settingsJson: '{"path":"/var/cache/cigen"}' };

async function generate(m: Model, flags: Record<string, string>) {
  const host = createTestHost(plugin);
  const res = await host.call("generate", { target: "circleci", model: m, flags });
  host.close();
  return res;
}

async function expectValid(text: string) {
  const findings = await validateFiles("circleci", [{ file: "config.yml", text }]);
  expect(formatFindings(findings)).toBe("");
}

const skippable = () =>
  model({
    jobs: [
      job("build", { skip: { sourceFiles: ["src/**"], store: dirStore } }),
      job("test", { needs: ["build"], skip: { sourceFiles: ["test/**"], store: { type: "native" } } }),
      job("deploy", { needs: ["test"] }),
    ],
  });

describe("circleci job skipping", () => {
  it("keeps today's output exactly when no job is skippable", async () => {
    const plain = await generate(richModel(), {});
    const setup = await generate(richModel(), { "skip.mode": "setup", "skip.command": "npx --no-install cigen" });
    expect(setup.fragments[0].content).toBe(plain.fragments[0].content);
  });

  it("writes a setup config that continues with `cigen continuation` through the API", async () => {
    const res = await generate(skippable(), { "skip.mode": "setup", "skip.command": "npx --no-install cigen" });
    const text = res.fragments[0].content;
    await expectValid(text);
    const doc = parse(text);
    expect(doc.setup).toBe(true);
    expect(Object.keys(doc.jobs)).toEqual(["cigen-setup"]);
    expect(doc.workflows).toEqual({ "cigen-setup": { jobs: ["cigen-setup"] } });
    const command = doc.jobs["cigen-setup"].steps[2].run.command as string;
    expect(command).toContain('npx --no-install cigen continuation --provider circleci --output "$config"');
    expect(command).toContain("/api/v2/pipeline/continue");
  });

  it("installs nothing when the core says the command fetches cigen (a repository without cigen in package.json)", async () => {
    const setup = parse((await generate(skippable(), FETCHED_FLAGS)).fragments[0].content);
    const steps = setup.jobs["cigen-setup"].steps;
    expect(steps.map((s: Record<string, { name?: string }>) => s.run?.name ?? Object.keys(s)[0])).toEqual([
      "checkout",
      "cigen: continue with the jobs that must run",
    ]);
    expect(steps[1].run.command).toContain("npx --yes cigen@1.2.3 continuation --provider circleci");
    const m = skippable();
    m.jobs[0].signature = SIG_A;
    const continued = parse(
      (await generate(m, { ...FETCHED_FLAGS, "skip.mode": "continuation" })).fragments[0].content,
    );
    expect(continued.jobs.build.steps.at(-1).run.command).toBe(
      recordOrNotice(
        { command: "npx --yes cigen@1.2.3", install: "" },
        "build",
        `npx --yes cigen@1.2.3 record --job build --signature ${SIG_A}`,
      ),
    );
  });

  it("declares the manual-workflow parameter in the setup config too and keeps the schedule notes", async () => {
    const m = skippable();
    m.workflows[0].triggers = { ...m.workflows[0].triggers, manual: true, schedules: ["0 3 * * *"] } as never;
    const res = await generate(m, { "skip.mode": "setup" });
    const text = res.fragments[0].content;
    await expectValid(text);
    expect(parse(text).parameters).toHaveProperty("cigen-workflow");
    expect(text).toContain('#   ci-schedule-1: "0 3 * * *" (UTC)');
  });

  it("gives the setup job the contexts of the jobs whose store it reads", async () => {
    const m = skippable();
    m.jobs[0].providerConfigJson = JSON.stringify({ context: ["redis-creds"] });
    m.jobs[1].providerConfigJson = JSON.stringify({ context: ["not-read"] });
    const doc = parse((await generate(m, { "skip.mode": "setup" })).fragments[0].content);
    expect(doc.workflows["cigen-setup"].jobs).toEqual([{ "cigen-setup": { context: ["redis-creds"] } }]);
  });

  it("in a continuation, records dir stores and looks up native ones by cache key, only on success", async () => {
    const m = skippable();
    m.jobs[0].signature = SIG_A;
    m.jobs[1].signature = SIG_B;
    const res = await generate(m, { "skip.mode": "continuation", "skip.command": "npx --no-install cigen" });
    const text = res.fragments[0].content;
    await expectValid(text);
    const doc = parse(text);
    expect(doc.setup).toBeUndefined();
    const build = doc.jobs.build.steps;
    expect(build.at(-1)).toEqual({
      run: {
        name: "cigen: record the signature",
        command: recordOrNotice(
          { command: "npx --no-install cigen", install: "npm ci --ignore-scripts --no-audit --no-fund" },
          "build",
          `npx --no-install cigen record --job build --signature ${SIG_A}`,
        ),
        when: "on_success",
      },
    });
    const test = doc.jobs.test.steps;
    expect(test[0]).toEqual({
      restore_cache: { name: "cigen: look up the signature", keys: [`cigen-skip-v1-${SIG_B}`] },
    });
    expect(test[1].run.command).toContain("circleci-agent step halt");
    expect(test[2]).toHaveProperty("checkout");
    expect(test.at(-1)).toEqual({
      save_cache: {
        name: "cigen: record the signature",
        key: `cigen-skip-v1-${SIG_B}`,
        paths: [`~/.cigen-skip/${SIG_B}`],
        when: "on_success",
      },
    });
    expect(JSON.stringify(doc.jobs.deploy)).not.toContain("cigen");
  });

  it("never halts a native job whose artifacts another job takes", async () => {
    const out = { path: "out/", name: "test-0" };
    const m = model({
      jobs: [
        job("test", {
          signature: SIG_B,
          artifacts: [out],
          skip: { sourceFiles: ["test/**"], store: { type: "native" } },
        }),
        job("deploy", { needs: ["test"], artifactInputs: [{ fromJob: "test", artifact: out }] }),
      ],
    });
    const doc = parse((await generate(m, { "skip.mode": "continuation" })).fragments[0].content);
    expect(JSON.stringify(doc.jobs.test)).not.toContain("cigen-skip");
  });

  it("continues with a small job saying so when every job was skipped", async () => {
    const res = await generate(model({ jobs: [] }), { "skip.mode": "continuation" });
    const text = res.fragments[0].content;
    await expectValid(text);
    expect(Object.keys(parse(text).workflows)).toEqual(["cigen-all-skipped"]);
  });
});
