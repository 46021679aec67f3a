/**
 * Runs generated pipelines for real with gitlab-ci-local (shell executor: jobs without an image) in
 * a temporary git repository: needs order, artifacts between jobs, a cache, the needs_any gate and
 * failure/always steps behave as cigen promises, not only parse.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { GenerateRequestSchema, type Model, StepCondition } from "@cigen/protocol";
import { job, modelOf, t, templateRun } from "@cigen/provider-kit/testing";
import { afterEach, describe, expect, it } from "vitest";
import { validatorsDir } from "../../../test/support/validators";
import { generate } from "./generate";

const bin = join(validatorsDir, "node_modules", ".bin", "gitlab-ci-local");
const available = existsSync(bin);
if (!available) console.warn(`skipping the gitlab-ci-local run: ${bin} is not installed`);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Generates the pipeline for `m` into a fresh git repository and runs it; returns status and output. */
function runPipeline(m: Model): { status: number | null; output: string; order: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "cigen-gitlab-run-"));
  dirs.push(dir);
  const response = generate(create(GenerateRequestSchema, { target: "gitlab", model: m }));
  writeFileSync(join(dir, ".gitlab-ci.yml"), response.fragments?.[0].content ?? "");
  writeFileSync(join(dir, "deps.lock"), "lock v1\n");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "init");
  const log = join(dir, "order.log");
  writeFileSync(log, "");
  const r = spawnSync(bin, ["--shell-isolation", "--no-color", "--variable", `ORDER_LOG=${log}`], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const order = readFileSync(log, "utf8").split("\n").filter(Boolean);
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, order };
}

const mark = (name: string) => templateRun(`echo ${name} >> "{{ env.ORDER_LOG }}"`);
const cacheUse = { name: "deps", key: t('deps-{{ checksum "deps.lock" }}'), paths: [".deps/"] };
const out = { path: "out/", retentionHours: 24, name: "produce-0" };

describe.skipIf(!available)("gitlab-ci-local runs the generated pipeline", () => {
  it("runs needs in order, passes artifacts and the cache, and lets a needs_any job through", () => {
    const m = modelOf([
      job("produce", {
        caches: [cacheUse],
        artifacts: [out],
        env: [{ name: "PRICE", value: t("costs $5") }],
        steps: [
          templateRun(
            'mkdir -p out .deps && echo "built at {{ git.sha }}" > out/result.txt && echo warm > .deps/state',
          ),
          templateRun("test \"$PRICE\" = 'costs $5'"),
          mark("produce"),
        ],
      }),
      job("consume", {
        needs: ["produce"],
        caches: [cacheUse],
        artifactInputs: [{ fromJob: "produce", artifact: out }],
        steps: [
          templateRun("grep -q 'built at' out/result.txt"),
          templateRun("grep -q warm .deps/state"),
          mark("consume"),
        ],
      }),
      job("left", { steps: [mark("left")] }),
      job("right", { steps: [mark("right")] }),
      job("either", { needs: ["consume"], needsAny: ["left", "right"], steps: [mark("either")] }),
    ]);
    const result = runPipeline(m);
    expect(result.output).not.toContain(" FAIL ");
    expect(result.status, result.output).toBe(0);
    expect(result.order).toHaveLength(5);
    const at = (name: string) => result.order.indexOf(name);
    expect(at("produce")).toBeLessThan(at("consume"));
    expect(at("consume")).toBeLessThan(at("either"));
    expect(at("left")).toBeLessThan(at("either"));
    expect(at("right")).toBeLessThan(at("either"));
  });

  it("runs failure and always steps after a failed step, fails the job, and holds a needs_any job whose OR side failed", () => {
    const m = modelOf([
      job("flaky", {
        steps: [
          templateRun("false"),
          templateRun("echo SKIPPED-ON-FAILURE"),
          templateRun("echo FAILURE-STEP-RAN", { condition: StepCondition.FAILURE }),
          templateRun("echo ALWAYS-STEP-RAN", { condition: StepCondition.ALWAYS }),
        ],
      }),
      job("after", { needsAny: ["flaky"], steps: [mark("after")] }),
    ]);
    const result = runPipeline(m);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("FAILURE-STEP-RAN");
    expect(result.output).toContain("ALWAYS-STEP-RAN");
    expect(result.output).not.toContain("> SKIPPED-ON-FAILURE");
    expect(result.output).toMatch(/FAIL\s+flaky/);
    expect(result.output).toContain("none of flaky succeeded");
    expect(result.order).toEqual([]);
  });

  it("runs a toolchain without an image through its install script, before the steps that use it", () => {
    const install = t(
      "mkdir -p .tools && printf '#!/bin/sh\\necho fake {{ env.CI_JOB_NAME }}\\n' > .tools/fake && chmod +x .tools/fake",
    );
    const m = modelOf([
      job("tools", {
        steps: [
          { kind: { case: "setupToolchain", value: { tool: "fake", version: "1.0", install } } },
          templateRun('./.tools/fake > out.txt && grep -qx "fake tools" out.txt'),
          mark("tools"),
        ],
      }),
    ]);
    const result = runPipeline(m);
    expect(result.status, result.output).toBe(0);
    expect(result.order).toEqual(["tools"]);
  });
});
