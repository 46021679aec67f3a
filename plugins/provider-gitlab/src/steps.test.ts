// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally
import { StepCondition } from "@cigen/protocol";
import { job, templateRun } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { stepDiagnostics, stepScript } from "./steps";

describe("stepScript", () => {
  it("passes shell text through verbatim and writes runtime values as shell variables", () => {
    const j = job("j", {
      steps: [
        templateRun(`echo "$HOME" '\${x}' \\$5 '''`),
        templateRun('deploy --sha {{ git.sha }} --ref "{{ git.branch }}" --token "{{ secrets.TOKEN }}" {{ env.MODE }}'),
      ],
    });
    expect(stepScript(j)).toEqual([
      `echo "$HOME" '\${x}' \\$5 '''`,
      'deploy --sha ${CI_COMMIT_SHA} --ref "${CI_COMMIT_REF_NAME}" --token "${TOKEN}" ${MODE}',
    ]);
  });

  it("isolates a step's env, working directory and checksums in a subshell", () => {
    const j = job("j", {
      arch: "arm64",
      steps: [
        templateRun('echo {{ checksum "a b.lock" }}-{{ arch }}', {
          env: [{ name: "Q", value: { parts: [{ kind: { case: "literal", value: 'say "$x" `y`' } }] } }],
          workingDirectory: "it's/here",
        }),
      ],
    });
    expect(stepScript(j)).toEqual([
      [
        "(",
        `cigen_sum_1="$( (cat 'a b.lock' 2>/dev/null || true) | sha256sum | cut -c 1-64)"`,
        `cd 'it'\\''s/here' || exit 1`,
        'export Q="say \\"\\$x\\" \\`y\\`"',
        "echo ${cigen_sum_1}-arm64",
        ")",
      ].join("\n"),
    ]);
  });

  it("runs failure and always steps through a recorded status when the job has them", () => {
    const j = job("j", {
      steps: [
        templateRun("make"),
        templateRun("echo failed", { condition: StepCondition.FAILURE }),
        templateRun("cleanup", { condition: StepCondition.ALWAYS }),
      ],
    });
    const script = stepScript(j);
    expect(script[0]).toBe("cigen_failed=0");
    expect(script[1]).toBe(
      'if [ "$cigen_failed" = 0 ]; then\nset +e\n(\nset -e\nmake\n)\ncigen_status=$?\nset -e\n[ "$cigen_status" = 0 ] || cigen_failed=1\nfi',
    );
    expect(script[2].startsWith('if [ "$cigen_failed" != 0 ]; then\n')).toBe(true);
    expect(script[3].startsWith("set +e\n(\nset -e\ncleanup\n)")).toBe(true);
    expect(script[4]).toBe('if [ "$cigen_failed" != 0 ]; then exit 1; fi');
  });
});

describe("stepDiagnostics", () => {
  it("refuses GitHub actions and unresolved module steps, naming the job and the step", () => {
    const j = job("lint", {
      steps: [
        { kind: { case: "uses", value: { ref: "actions/setup-node@v4", native: true } } },
        { kind: { case: "uses", value: { ref: "lang/zig@^1" } } },
      ],
    });
    const [native, module] = stepDiagnostics(j);
    expect(native.code).toBe("GITLAB-001");
    expect(native.message).toBe(
      'job "lint": steps[].uses "actions/setup-node@v4" is a GitHub action, which the gitlab provider cannot run',
    );
    expect(native.fixHint).toContain("providers: [github]");
    expect(native.loc?.file).toBe("cigen.yml");
    expect(module.code).toBe("GITLAB-002");
  });
});
