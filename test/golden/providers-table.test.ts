/**
 * docs/providers.md is kept true: every row names golden cases that exist and whose cigen.yml
 * uses the row's key, so each claim in the table has committed output for all five providers.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const table = readFileSync(join(root, "docs/providers.md"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("| ") && !line.startsWith("| ---") && !line.startsWith("| concept"));
const rows = table.map((line) => {
  const cells = line.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, "").trim());
  return { concept: cells[0], key: cells[1].replace(/^`|`$/g, ""), providers: cells.slice(2, 7), golden: cells[7] };
});

describe("docs/providers.md", () => {
  it("has a row for every concept of the spec's job table, with five provider cells each", () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const r of rows) expect(r.providers.filter(Boolean), r.concept).toHaveLength(5);
  });

  it.each(rows.map((r) => [r.concept, r] as const))("%s has a golden case using its key", (_concept, row) => {
    const cases = row.golden
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    expect(cases.length).toBeGreaterThan(0);
    for (const name of cases) {
      const config = join(root, "test/golden/cases", name, "cigen.yml");
      expect(existsSync(config), `golden case ${name}`).toBe(true);
      expect(readFileSync(config, "utf8"), `${name}/cigen.yml uses ${row.key}`).toContain(row.key);
      expect(existsSync(join(root, "test/golden/cases", name, "expected")), `${name} has expected output`).toBe(true);
    }
  });
});
