import { describe, expect, it } from "vitest";
import { encodeJobId, jobPrefix, recordKey } from "./record-key";

const SIG = "a".repeat(64);

describe("record keys", () => {
  it("are <prefix><job>/<signature>, with variant ids left readable", () => {
    expect(recordKey("myrepo:", "test-node-20", SIG)).toBe(`myrepo:test-node-20/${SIG}`);
    expect(jobPrefix("", "build_x")).toBe("build_x/");
  });

  it("keep any job id inside one path segment", () => {
    for (const id of ["a/b", "..", ".", "a b", "x:y", "it's(*)!"]) {
      const encoded = encodeJobId(id);
      expect(encoded).not.toMatch(/[/ :'()*!]/);
      expect(encoded === "." || encoded === "..").toBe(false);
      expect(decodeURIComponent(encoded)).toBe(id);
    }
  });

  it("give distinct jobs distinct prefixes, none of which starts another", () => {
    expect(jobPrefix("", "lint").startsWith(jobPrefix("", "lin"))).toBe(false);
  });
});
