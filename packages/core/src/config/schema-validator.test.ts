import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without type declarations
import { renderValidator } from "../../../../scripts/build-schema-validator.mjs";

describe("the generated schema validator", () => {
  it("is up to date with schemas/cigen.schema.json", () => {
    const committed = readFileSync(new URL("./schema-validator.js", import.meta.url), "utf8");
    expect(committed === renderValidator(), "run: node scripts/build-schema-validator.mjs").toBe(true);
  });

  it("needs no ajv at run time", () => {
    const committed = readFileSync(new URL("./schema-validator.js", import.meta.url), "utf8");
    expect(committed).not.toMatch(/\brequire\(|from "ajv/);
  });
});
