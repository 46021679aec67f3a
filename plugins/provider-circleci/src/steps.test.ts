import { create } from "@bufbuild/protobuf";
import { type Diagnostic, StepCondition, StepSchema } from "@cigen/protocol";
import { checksumRef, envRef, gitRef, job, run, secretRef, setupToolchain, text } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { translateSteps } from "./steps";

function steps(init: Parameters<typeof job>[1], timeout?: string) {
  const diagnostics: Diagnostic[] = [];
  const out = translateSteps(job("j", init), { noOutputTimeout: timeout }, (d) => diagnostics.push(d));
  return { out, diagnostics };
}

describe("translateSteps", () => {
  it("installs a toolchain translateJob did not place, with the job timeout like any run step", () => {
    expect(steps({ steps: [setupToolchain("go", "1.22.0")] }, "10m").out).toEqual([
      { run: { name: "Set up go 1.22.0", command: "cigen-install-go 1.22.0", no_output_timeout: "10m" } },
    ]);
  });

  it("writes runtime values in CircleCI's shell syntax", () => {
    const command = text("echo ", envRef("A"), " ", secretRef("S"), " ", gitRef("sha"), " ", gitRef("branch"));
    expect(steps({ steps: [run(command)] }).out).toEqual([
      { run: { command: `echo \${A} \${S} \${CIRCLE_SHA1} \${CIRCLE_BRANCH}` } },
    ]);
  });

  it("keeps literal step env in environment: and exports runtime-valued env", () => {
    const step = run("make", {
      name: "Make",
      env: [
        { name: "A", value: text("1") },
        { name: "B", value: text('x"', envRef("A")) },
      ],
      workingDirectory: "sub",
      condition: StepCondition.ALWAYS,
    });
    expect(steps({ steps: [step] }, "15m").out).toEqual([
      {
        run: {
          name: "Make",
          command: `export B="x\\"\${A}"\nmake`,
          environment: { A: "1" },
          working_directory: "sub",
          no_output_timeout: "15m",
          when: "always",
        },
      },
    ]);
  });

  it("escapes CircleCI parameter syntax in literal text", () => {
    expect(steps({ steps: [run("echo << pipeline.id >>")] }).out).toEqual([
      { run: { command: "echo \\<< pipeline.id >>" } },
    ]);
  });

  it("writes cache steps with CircleCI's checksum template", () => {
    const restore = create(StepSchema, {
      kind: { case: "restoreCache", value: { key: text("k-", checksumRef("a.lock")), restoreKeys: [text("k-")] } },
    });
    const save = create(StepSchema, {
      condition: StepCondition.ALWAYS,
      kind: { case: "saveCache", value: { key: text("k-", checksumRef("a.lock")), paths: ["vendor"] } },
    });
    expect(steps({ steps: [restore, save] }).out).toEqual([
      { restore_cache: { keys: ['k-{{ checksum "a.lock" }}', "k-"] } },
      { save_cache: { key: 'k-{{ checksum "a.lock" }}', paths: ["vendor"], when: "always" } },
    ]);
  });

  it("refuses GitHub actions and unresolved modules, naming the job", () => {
    const uses = (ref: string, native: boolean) =>
      create(StepSchema, { kind: { case: "uses", value: { ref, native } } });
    const { out, diagnostics } = steps({ steps: [uses("actions/setup-node@v4", true), uses("lang/x@1", false)] });
    expect(out).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["CIRCLECI-001", 'job "j": step uses "actions/setup-node@v4", a GitHub action, which circleci cannot run'],
      [
        "CIRCLECI-002",
        'job "j": step uses "lang/x@1", which no module plugin resolved, so circleci has nothing to run',
      ],
    ]);
    expect(diagnostics[0].fixHint).toContain("providers: [github]");
  });
});
