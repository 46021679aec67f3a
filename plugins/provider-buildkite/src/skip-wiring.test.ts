import { createTestHost } from "@cigen/plugin-sdk/testing";
import type { Model } from "@cigen/protocol";
import { cigenScript, NODE_FOR_CIGEN, recordFailedNotice } from "@cigen/provider-kit";
import { FETCHED_FLAGS, job, model, run } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { plugin } from "./plugin";
import { richModel } from "./rich-model";
import { escapeForUpload } from "./upload-escape";

const SIG = "c".repeat(64);
const dirStore = { type: "dir", settingsJson: '{"path":"/var/cache/cigen"}' };
const FLAGS = { "skip.command": "npx --no-install cigen" };
/** The record lines as written: the kit's script run by a child shell, escaped for pipeline upload. */
const recorded = (settings: { command: string; install: string }, job: string, record: string) =>
  escapeForUpload(
    [`sh <<'CIGEN_RECORD' || ${recordFailedNotice(job)}`, cigenScript(settings, record), "CIGEN_RECORD"].join("\n"),
  );
const LOCKED = { command: "npx --no-install cigen", install: "npm ci --ignore-scripts --no-audit --no-fund" };

async function generate(m: Model, flags: Record<string, string>) {
  const host = createTestHost(plugin);
  const res = await host.call("generate", { target: "buildkite", model: m, flags: { ...FLAGS, ...flags } });
  host.close();
  return res;
}

async function expectValid(text: string) {
  const findings = await validateFiles("buildkite", [{ file: "pipeline.yml", text }]);
  expect(formatFindings(findings)).toBe("");
}

describe("buildkite job skipping", () => {
  it("keeps today's output exactly when no job is skippable", async () => {
    const host = createTestHost(plugin);
    const plain = await host.call("generate", { target: "buildkite", model: richModel() });
    host.close();
    const setup = await generate(richModel(), { "skip.mode": "setup" });
    expect(setup.fragments.map((f) => f.content)).toEqual(plain.fragments.map((f) => f.content));
  });

  it("plans with one step that uploads what `cigen continuation` prints", async () => {
    const m = model({
      jobs: [job("lint", { skip: { sourceFiles: ["src/**"], store: dirStore } }), job("e2e")],
      providerConfigJson: JSON.stringify({ agents: { queue: "ci" }, notify: [{ email: "a@b.c" }] }),
    });
    const res = await generate(m, { "skip.mode": "setup" });
    const text = res.fragments[0].content;
    await expectValid(text);
    expect(parse(text)).toEqual({
      agents: { queue: "ci" },
      steps: [
        {
          label: "cigen plan",
          key: "cigen-plan",
          command: escapeForUpload(
            [
              "set -o pipefail",
              "sh <<'CIGEN_PLAN' | buildkite-agent pipeline upload",
              `${NODE_FOR_CIGEN} &&`,
              "{ if ! npx --no-install cigen --version >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; fi; } >&2 &&",
              "npx --no-install cigen continuation --provider buildkite",
              "CIGEN_PLAN",
            ].join("\n"),
          ),
        },
      ],
    });
    expect(res.diagnostics).toEqual([]);
  });

  it("warns that jobs without a store always run, and writes today's pipeline for them", async () => {
    const m = model({ jobs: [job("lint", { skip: { sourceFiles: ["src/**"], store: { type: "native" } } })] });
    const res = await generate(m, { "skip.mode": "setup" });
    expect(res.diagnostics.map((d) => [d.code, d.level, d.message])).toEqual([
      [
        "BUILDKITE-013",
        2,
        'jobs "lint" have source_files or skip_if but no skip_store; buildkite has no cache of its own, so they always run',
      ],
    ]);
    expect(res.diagnostics[0].fixHint).toContain("skip_store: { type: s3");
    expect(parse(res.fragments[0].content).steps[0].key).toBe("lint");
  });

  it("in a continuation, ends the command with the record, after the steps and only on success", async () => {
    const m = model({
      jobs: [
        job("lint", { signature: SIG, skip: { sourceFiles: ["src/**"], store: dirStore } }),
        job("test", {
          signature: SIG,
          skip: { sourceFiles: ["test/**"], store: dirStore },
          steps: [run("make test"), run("make report", { condition: 2 })],
        }),
        job("e2e"),
      ],
    });
    const res = await generate(m, { "skip.mode": "continuation" });
    const text = res.fragments[0].content;
    await expectValid(text);
    const steps = parse(text).steps;
    const record = `npx --no-install cigen record --job lint --signature ${SIG}`;
    expect(steps[0].command).toBe(`echo lint\n${recorded(LOCKED, "lint", record)}`);
    expect(steps[1].command).toMatch(
      /export CIGEN_DONE=1\nsh <<'CIGEN_RECORD' \|\| echo "cigen: could not record the success of test[\s\S]*\nnpx --no-install cigen record --job test --signature c{64}\nCIGEN_RECORD/,
    );
    expect(steps[2].command).toBe("echo e2e");
  });

  it("refuses a job whose key is the planning step's", async () => {
    const m = model({ jobs: [job("cigen-plan", { skip: { sourceFiles: ["src/**"], store: dirStore } })] });
    const res = await generate(m, { "skip.mode": "setup" });
    expect(res.diagnostics.map((d) => d.code)).toEqual(["BUILDKITE-010"]);
  });

  it("installs nothing when the core says the command fetches cigen (a repository without cigen in package.json)", async () => {
    const fetched = { ...FETCHED_FLAGS, "skip.mode": "setup" };
    const m = model({ jobs: [job("lint", { skip: { sourceFiles: ["src/**"], store: dirStore } })] });
    const plan = parse((await generate(m, fetched)).fragments[0].content).steps[0].command;
    expect(plan).toBe(
      escapeForUpload(
        `set -o pipefail\nsh <<'CIGEN_PLAN' | buildkite-agent pipeline upload\n${NODE_FOR_CIGEN} &&\nnpx --yes cigen@1.2.3 continuation --provider buildkite\nCIGEN_PLAN`,
      ),
    );
    m.jobs[0].signature = SIG;
    const res = await generate(m, { ...fetched, "skip.mode": "continuation" });
    expect(parse(res.fragments[0].content).steps[0].command).toBe(
      `echo lint\n${recorded({ command: "npx --yes cigen@1.2.3", install: "" }, "lint", `npx --yes cigen@1.2.3 record --job lint --signature ${SIG}`)}`,
    );
  });
});
