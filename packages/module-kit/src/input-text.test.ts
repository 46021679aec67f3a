import { describe, expect, it } from "vitest";
import { inputText } from "./input-text";

describe("inputText", () => {
  it("turns the core's {{ kind.value }} references back into segments and leaves other braces alone", () => {
    const text = inputText('--tag "app:{{ git.sha }}" --build-arg "T={{ secret.NPM_TOKEN }}" {{x}} {{ env.HOME }}');
    expect(text.parts.map((p) => [p.kind.case, p.kind.value])).toEqual([
      ["literal", '--tag "app:'],
      ["git", "sha"],
      ["literal", '" --build-arg "T='],
      ["secret", "NPM_TOKEN"],
      ["literal", '" {{x}} '],
      ["env", "HOME"],
    ]);
    expect(inputText("").parts).toEqual([]);
  });
});
