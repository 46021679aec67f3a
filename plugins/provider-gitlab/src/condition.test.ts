import { describe, expect, it } from "vitest";
import { and, atom, FALSE, or, renderCond, TRUE } from "./condition";

const a = atom("$A");
const b = atom("$B");
const c = atom("$C");

describe("condition", () => {
  it("drops identities, absorbs constants and repeats", () => {
    expect(and()).toEqual(TRUE);
    expect(or()).toEqual(FALSE);
    expect(and(TRUE, a, a)).toEqual(a);
    expect(and(a, FALSE)).toEqual(FALSE);
    expect(or(a, TRUE)).toEqual(TRUE);
    expect(or(FALSE, b)).toEqual(b);
  });

  it("flattens nested groups of the same kind and parenthesises the others", () => {
    expect(renderCond(and(a, and(b, c)))).toBe("$A && $B && $C");
    expect(renderCond(and(or(a, b), c))).toBe("($A || $B) && $C");
    expect(renderCond(or(and(a, b), c))).toBe("($A && $B) || $C");
  });
});
