import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { gitBlobId } from "./hash-work-tree";
import { encodeFileEntry, fileSectionOf, hashSignature, type SignatureParts } from "./signature";

const EMPTY = fileSectionOf([]);
const base: SignatureParts = {
  id: "j",
  definition: "{}",
  files: EMPTY,
  env: [],
  modules: {},
  moduleFiles: EMPTY,
  needs: {},
  needsAny: {},
};

describe("hashSignature", () => {
  it("encodes field boundaries unambiguously", () => {
    const sig = (parts: Partial<SignatureParts>) => hashSignature({ ...base, ...parts });
    expect(sig({ id: "ab", definition: "c" })).not.toBe(sig({ id: "a", definition: "bc" }));
    expect(sig({ env: [["A", "BC"]] })).not.toBe(sig({ env: [["AB", "C"]] }));
    expect(sig({ env: [["A", undefined]] })).not.toBe(sig({ env: [["A", ""]] }));
    expect(sig({ modules: { a: "1" } })).not.toBe(sig({ needs: { a: "1" } }));
    expect(sig({ needs: { a: "1" } })).not.toBe(sig({ needsAny: { a: "1" } }));
    const file = encodeFileEntry("x", "100644", "e".repeat(40));
    expect(sig({ files: fileSectionOf([file]) })).not.toBe(sig({ moduleFiles: fileSectionOf([file]) }));
    expect(
      sig({
        env: [
          ["B", "1"],
          ["A", "2"],
        ],
      }),
    ).toBe(
      sig({
        env: [
          ["A", "2"],
          ["B", "1"],
        ],
      }),
    );
  });

  it("is pinned: changing the encoding must bump SIGNATURE_FORMAT", () => {
    expect(hashSignature(base)).toBe("4d1fdfe77b3aefa575b8dd5b1f59d06f101d2054bdf2d33fbbea2710a45548e5");
  });
});

describe("canonicalJson", () => {
  it("sorts keys, drops undefined properties and refuses lossy values", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined, d: { z: 1n, y: 2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":2,"z":1}}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: new Map() })).toThrow(/Map/);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
  });
});

describe("gitBlobId", () => {
  it("is git's blob id", () => {
    expect(gitBlobId(Buffer.from(""))).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    expect(gitBlobId(Buffer.from("hello\n"))).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });
});
