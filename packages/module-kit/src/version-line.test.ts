import { describe, expect, it } from "vitest";
import { versionLine } from "./version-line";

describe("versionLine", () => {
  it("keeps plain versions and prefixes as written", () => {
    expect(["20.11.1", "20", "3.12", "v20.1.0"].map(versionLine)).toEqual(["20.11.1", "20", "3.12", "20.1.0"]);
  });

  it("takes the broadest line inside a range, from its lowest version", () => {
    const ranges = [">=20", "^20.11.0", ">=3.1 <4", "~3.2.0", ">=18 <21", "20.x", ">=18.17.0", "~> 3.2"];
    expect(ranges.map(versionLine)).toEqual(["20", "20.11", "3.1", "3.2", "18", "20", "18.17", "3.2"]);
  });

  it("gives nothing for what has no lower bound or is no version", () => {
    expect(["*", "lts/*", "latest", "", ">=0"].map(versionLine)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
