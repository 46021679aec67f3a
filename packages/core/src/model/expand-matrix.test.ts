import { describe, expect, it } from "vitest";
import { expandMatrix } from "./expand-matrix";

const cell = (v: unknown) => String(v);
const ids = (m: Parameters<typeof expandMatrix>[0]) => expandMatrix(m, cell).map((c) => c.idValues.join("-"));

describe("expandMatrix", () => {
  it("takes the product with the first dimension outermost", () => {
    expect(ids({ os: ["a", "b"], v: [1, 2] })).toEqual(["a-1", "a-2", "b-1", "b-2"]);
  });
  it("removes combinations matching every key of an exclude entry", () => {
    expect(ids({ os: ["a", "b"], v: [1, 2], exclude: [{ os: "a", v: 2 }, { os: "b" }] })).toEqual(["a-1"]);
  });
  it("adds include keys to fitting combinations and appends the rest", () => {
    const combos = expandMatrix(
      {
        os: ["a", "b"],
        include: [
          { os: "a", extra: "x" },
          { os: "c", extra: "y" },
        ],
      },
      cell,
    );
    expect(combos.map((c) => c.values)).toEqual([
      [
        ["os", "a"],
        ["extra", "x"],
      ],
      [["os", "b"]],
      [
        ["os", "c"],
        ["extra", "y"],
      ],
    ]);
    expect(combos.map((c) => c.idValues)).toEqual([["a"], ["b"], ["c", "y"]]);
  });
  it("adds an include without dimension keys to every combination", () => {
    expect(expandMatrix({ v: [1, 2], include: [{ flag: true }] }, cell).map((c) => c.values)).toEqual([
      [
        ["v", "1"],
        ["flag", "true"],
      ],
      [
        ["v", "2"],
        ["flag", "true"],
      ],
    ]);
  });
});
