/**
 * The bundled examples and cigen's own CI: their generated output is committed, must be exactly
 * what the current code generates (regenerate with `npx cigen generate --config <dir>/cigen.yml`),
 * and must pass the providers' own validators with zero findings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/cli";
import { formatFindings, isValidatable, type ValidatorProvider, validateFiles } from "../support/validators";

const examples = readdirSync(join(repoRoot, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `examples/${d.name}`)
  .filter((dir) => {
    try {
      readFileSync(join(repoRoot, dir, "cigen.yml"));
      return true;
    } catch {
      return false;
    }
  });

const projects = [...examples, "."];

describe.each(projects)("%s", (dir) => {
  it("committed output is up to date and passes the validators", { timeout: 300_000 }, async () => {
    const config = join(repoRoot, dir, "cigen.yml");
    const r = await runCli(["plan", "--json", "--config", config], { cwd: repoRoot });
    expect(r.code, r.stderr).toBe(0);
    const { files } = JSON.parse(r.stdout) as {
      files: { path: string; provider: ValidatorProvider; status: string }[];
    };
    expect(files.length).toBeGreaterThan(0);
    const stale = files.filter((f) => f.status !== "unchanged").map((f) => `${f.path} (${f.status})`);
    expect(stale, `regenerate with: npx cigen generate --config ${dir}/cigen.yml`).toEqual([]);
    for (const provider of new Set(files.map((f) => f.provider))) {
      const mine = files.filter((f) => f.provider === provider && isValidatable(provider, f.path));
      const findings = await validateFiles(
        provider,
        mine.map((f) => ({ file: f.path, text: readFileSync(join(repoRoot, dir, f.path), "utf8") })),
      );
      expect(formatFindings(findings), `${provider} output of ${dir}`).toBe("");
    }
  });
});
