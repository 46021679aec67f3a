import { describe, expect, it } from "vitest";
import { atom, FALSE, TRUE } from "./condition";
import { gateScript } from "./or-gate";
import { jobRules } from "./rules";

describe("jobRules", () => {
  it("always gives a rule, so the job also runs in merge request pipelines", () => {
    expect(jobRules(TRUE, "on_success")).toEqual([{ when: "on_success" }]);
    expect(jobRules(atom("$X"), "on_success")).toEqual([{ if: "$X", when: "on_success" }]);
    expect(jobRules(FALSE, "on_success")).toEqual([{ when: "never" }]);
  });

  it("makes manual approval block the pipeline", () => {
    expect(jobRules(TRUE, "manual")).toEqual([{ when: "manual", allow_failure: false }]);
  });
});

describe("gateScript", () => {
  it("passes only when some OR job wrote this pipeline's id", () => {
    expect(gateScript(["a", "b"])).toBe(
      [
        "cigen_ok=0",
        "for cigen_marker in '.cigen/succeeded/a' '.cigen/succeeded/b'; do",
        '  if [ "$(cat "$cigen_marker" 2>/dev/null)" = "$CI_PIPELINE_ID" ]; then cigen_ok=1; fi',
        "done",
        "if [ \"$cigen_ok\" = 0 ]; then echo 'none of a, b succeeded' >&2; exit 1; fi",
      ].join("\n"),
    );
  });
});
