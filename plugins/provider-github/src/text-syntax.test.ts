// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
import { create } from "@bufbuild/protobuf";
import { TextSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { text } from "./test-models";
import { expression, needsStepContext, shell, stringLiteral } from "./text-syntax";

const all = text(
  "a ",
  { env: "HOME" },
  " ",
  { secret: "TOKEN" },
  " ",
  { git: "sha" },
  " ",
  { git: "branch" },
  " ",
  { checksum: "go.sum" },
  " ",
  { platform: "os" },
  "/",
  { platform: "arch" },
  " ${{ github.actor }}",
);

describe("text syntax", () => {
  it("writes expressions where GitHub evaluates them", () => {
    expect(expression(all)).toBe(
      "a ${{ env.HOME }} ${{ secrets.TOKEN }} ${{ github.sha }} ${{ github.head_ref || github.ref_name }} ${{ hashFiles('go.sum') }} ${{ runner.os }}/${{ runner.arch }} ${{ github.actor }}",
    );
  });

  it("reads runner-provided values as shell variables inside run scripts", () => {
    expect(shell(all)).toBe(
      "a ${HOME} ${{ secrets.TOKEN }} ${GITHUB_SHA} ${GITHUB_HEAD_REF:-${GITHUB_REF_NAME}} ${{ hashFiles('go.sum') }} ${RUNNER_OS}/${RUNNER_ARCH} ${{ github.actor }}",
    );
  });

  it("knows which references need a step's context", () => {
    expect(needsStepContext(text("x", { secret: "S" }, { git: "sha" }))).toBe(false);
    expect(needsStepContext(text({ env: "X" }))).toBe(true);
    expect(needsStepContext(text({ checksum: "f" }))).toBe(true);
    expect(needsStepContext(create(TextSchema))).toBe(false);
  });

  it("quotes expression string literals", () => {
    expect(stringLiteral("it's")).toBe("'it''s'");
  });
});
