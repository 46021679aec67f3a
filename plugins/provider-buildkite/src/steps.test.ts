import { create } from "@bufbuild/protobuf";
import { type Diagnostic, StepCondition, StepSchema } from "@cigen/protocol";
import { checksumRef, envRef, gitRef, job, run, secretRef, text } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { buildScript } from "./steps";

function script(init: Parameters<typeof job>[1], cleanup: string[] = []) {
  const diagnostics: Diagnostic[] = [];
  const lines = buildScript(job("j", init), { prelude: ["echo pre"], cleanup }, (d) => diagnostics.push(d));
  return { lines, codes: diagnostics.map((d) => d.code) };
}

describe("buildScript", () => {
  it("writes one step as is, with runtime values in shell syntax", () => {
    const command = text("echo ", envRef("A"), " ", secretRef("S"), " ", gitRef("sha"), " ", checksumRef("a b"));
    expect(script({ steps: [run(command)] }).lines).toEqual([
      "echo pre",
      `echo \${A} \${S} \${BUILDKITE_COMMIT} $(sha256sum 'a b' | cut -d ' ' -f 1)`,
    ]);
  });

  it("runs several steps in subshells with their env and directory", () => {
    const step = run("make", {
      name: "Make",
      env: [{ name: "B", value: text("it's ", envRef("A")) }],
      workingDirectory: "sub",
    });
    expect(script({ steps: [run("a"), step] }).lines).toEqual([
      "echo pre",
      "# step 1",
      "(",
      "a",
      ")",
      "# Make",
      "(",
      `export B='it'\\''s '"\${A}"`,
      "cd sub",
      "make",
      ")",
    ]);
  });

  it("emulates failure and always steps with an EXIT trap that also runs the cleanup", () => {
    const steps = [
      run("a"),
      run("on-fail", { condition: StepCondition.FAILURE }),
      run("b", { condition: StepCondition.ALWAYS }),
    ];
    expect(script({ steps }, ["stop"]).lines).toEqual([
      "export CIGEN_STEP=0",
      "cigen_finally() {",
      "  set +e",
      '  if [ -z "$(printenv CIGEN_DONE)" ]; then',
      '    case "$(printenv CIGEN_STEP)" in 0|1)',
      "    # step 2",
      "    (",
      "    set -e",
      "on-fail",
      "    )",
      "    ;;",
      "    esac",
      '    case "$(printenv CIGEN_STEP)" in 0|1|2)',
      "    # step 3",
      "    (",
      "    set -e",
      "b",
      "    )",
      "    ;;",
      "    esac",
      "  fi",
      "  stop",
      "}",
      "trap cigen_finally EXIT",
      "echo pre",
      "export CIGEN_STEP=1",
      "# step 1",
      "(",
      "a",
      ")",
      "export CIGEN_STEP=3",
      "# step 3",
      "(",
      "b",
      ")",
      "export CIGEN_DONE=1",
    ]);
  });

  it("refuses GitHub actions and unresolved modules, naming the job", () => {
    const uses = (ref: string, native: boolean) =>
      create(StepSchema, { kind: { case: "uses", value: { ref, native } } });
    const out = script({ steps: [uses("actions/setup-node@v4", true), uses("lang/x@1", false)] });
    expect(out.codes).toEqual(["BUILDKITE-001", "BUILDKITE-002"]);
  });
});
