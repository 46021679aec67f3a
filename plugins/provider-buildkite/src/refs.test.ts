import { describe, expect, it } from "vitest";
import { and, atom, not, or, render, TRUE } from "./conditions";
import { globsCondition, refCondition, regexLiteral } from "./refs";
import { afterUpload, escapeForUpload, uploadText } from "./upload-escape";

describe("conditions", () => {
  it("simplifies and renders with the fewest parentheses", () => {
    const a = atom("a == 1");
    const b = atom("b == 1");
    expect(render(and(a, TRUE, a))).toBe("a == 1");
    expect(render(and(or(a, b), atom("c")))).toBe("(a == 1 || b == 1) && c");
    expect(render(and(a, or(a, b)))).toBe("a == 1");
    expect(render(not(a))).toBe("!(a == 1)");
    expect(or()).toEqual({ kind: "false" });
  });
});

describe("ref filters", () => {
  it("writes globs as anchored regex literals with $$ for pipeline upload", () => {
    expect(regexLiteral("release/*")).toBe("/^(?:release\\/[^\\/]*)$$/");
    expect(regexLiteral("v$1")).toBe("/^(?:v\\x241)$$/");
  });

  it("applies ! patterns in order as boolean expressions, not lookaheads", () => {
    expect(render(globsCondition("build.tag", ["v*", "!v*-rc*"]))).toBe(
      "build.tag =~ /^(?:v[^\\/]*)$$/ && !(build.tag =~ /^(?:v[^\\/]*-rc[^\\/]*)$$/)",
    );
    expect(render(globsCondition("build.branch", ["**"]))).toBe("true");
  });

  it("tells branch builds from tag builds", () => {
    expect(render(refCondition(["main"], ["v*"]))).toBe(
      "build.tag == null && build.branch =~ /^(?:main)$$/ || build.tag != null && build.tag =~ /^(?:v[^\\/]*)$$/",
    );
    expect(refCondition([], [])).toEqual(TRUE);
  });
});

describe("upload escaping", () => {
  it("doubles $ except in $( and proves the round trip", () => {
    expect(escapeForUpload(`echo "\${A}" $HOME $(date) $$ $1`)).toBe(`echo "$\${A}" $$HOME $(date) $$$$ $$1`);
    expect(afterUpload(`$\${A} $(x) \\\\`)).toBe(`\${A} $(x) \\\\`);
    expect(afterUpload(`\${A}`)).toBeUndefined();
    expect(uploadText("echo \\$HOME")).toEqual({ text: "echo \\$$HOME", exact: false });
  });
});
