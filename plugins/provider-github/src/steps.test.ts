// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
import { create } from "@bufbuild/protobuf";
import { StepCondition, StepSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { CACHE_WITHOUT_PATHS, UNRESOLVED_MODULE_STEP, USES_WORKING_DIRECTORY } from "./codes";
import { checkoutStep, translateStep } from "./steps";
import { job, run, text } from "./test-models";

const owner = job("a");

describe("translateStep", () => {
  it("writes a run step with name, if, working-directory, env and the script", () => {
    const step = run(text("echo ", { env: "GREETING" }, " ", { git: "branch" }), {
      name: "Greet",
      condition: StepCondition.FAILURE,
      workingDirectory: "web",
      env: [{ name: "GREETING", value: text("hi ", { git: "sha" }) }],
    });
    const { step: doc, diagnostics } = translateStep(step, owner);
    expect(diagnostics).toEqual([]);
    expect(doc).toEqual({
      name: "Greet",
      if: "failure()",
      "working-directory": "web",
      env: { GREETING: "hi ${{ github.sha }}" },
      run: "echo ${GREETING} ${GITHUB_HEAD_REF:-${GITHUB_REF_NAME}}",
    });
    expect(Object.keys(doc)).toEqual(["name", "if", "working-directory", "env", "run"]);
  });

  it("puts inherited env before the step's own, which wins", () => {
    const step = run("make", { env: [{ name: "A", value: text("step") }] });
    const { step: doc } = translateStep(step, owner, [
      ["A", "job"],
      ["B", "${{ runner.os }}"],
    ]);
    expect(doc.env).toEqual({ A: "step", B: "${{ runner.os }}" });
  });

  it("passes a native action through with its inputs", () => {
    const step = create(StepSchema, {
      condition: StepCondition.ALWAYS,
      kind: {
        case: "uses",
        value: {
          ref: "actions/setup-go@v5",
          native: true,
          with: [{ name: "cache-dependency-path", value: text({ env: "SUM" }) }],
        },
      },
    });
    expect(translateStep(step, owner)).toEqual({
      step: { if: "always()", uses: "actions/setup-go@v5", with: { "cache-dependency-path": "${{ env.SUM }}" } },
      diagnostics: [],
    });
  });

  it("refuses an unresolved module and working_directory on an action", () => {
    const step = create(StepSchema, {
      workingDirectory: "sub",
      kind: { case: "uses", value: { ref: "lang/node@^1", native: false } },
    });
    const codes = translateStep(step, owner).diagnostics.map((d) => d.code);
    expect(codes).toEqual([USES_WORKING_DIRECTORY, UNRESOLVED_MODULE_STEP]);
  });

  it("writes restore_cache and save_cache with actions/cache's split actions", () => {
    const restore = create(StepSchema, {
      kind: {
        case: "restoreCache",
        value: { key: text("k-", { checksum: "a.lock" }), restoreKeys: [text("k-")], paths: ["a", "b"] },
      },
    });
    expect(translateStep(restore, owner).step).toEqual({
      uses: "actions/cache/restore@v4",
      with: { path: "a\nb", key: "k-${{ hashFiles('a.lock') }}", "restore-keys": "k-" },
    });
    const save = create(StepSchema, { kind: { case: "saveCache", value: { key: text("k"), paths: ["a"] } } });
    expect(translateStep(save, owner).step).toEqual({ uses: "actions/cache/save@v4", with: { path: "a", key: "k" } });
    const empty = create(StepSchema, { kind: { case: "saveCache", value: { key: text("k") } } });
    expect(translateStep(empty, owner).diagnostics.map((d) => d.code)).toEqual([CACHE_WITHOUT_PATHS]);
  });
});

describe("checkoutStep", () => {
  it("checks out shallow by default", () => {
    expect(checkoutStep(undefined)).toEqual({ uses: "actions/checkout@v4" });
    expect(checkoutStep({ enabled: true, depth: 1 } as never)).toEqual({ uses: "actions/checkout@v4" });
  });

  it("passes depth, submodules and lfs", () => {
    expect(checkoutStep({ enabled: true, depth: 0, submodules: true, lfs: true } as never)).toEqual({
      uses: "actions/checkout@v4",
      with: { "fetch-depth": 0, submodules: true, lfs: true },
    });
    expect(checkoutStep({ enabled: true, depth: 50 } as never)?.with).toEqual({ "fetch-depth": 50 });
  });

  it("writes nothing when checkout is off", () => {
    expect(checkoutStep({ enabled: false } as never)).toBeUndefined();
  });
});
