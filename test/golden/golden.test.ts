/**
 * Golden tests: every case under cases/ generated for all five providers and compared with the
 * committed output (expected/<provider>/...) or, where a provider refuses a concept, with the
 * committed diagnostics (expected/<provider>.diagnostics.txt). Generated files must also pass the
 * providers' validators with zero findings (validated in one batch per provider: the Jenkins linter
 * starts a JVM). Update with `npm run golden:update` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { formatFindings, isValidatable, validateFiles } from "../support/validators";
import { type GoldenOutput, generateCase, goldenCases, PROVIDERS, type Provider } from "./run-golden";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const cases = goldenCases(repoRoot);
const outputs = new Map<string, GoldenOutput>();
const key = (name: string, provider: Provider) => `${name}/${provider}`;

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

beforeAll(async () => {
  for (const { name, configDir } of cases) {
    const results = await Promise.all(PROVIDERS.map((p) => generateCase(repoRoot, configDir, p)));
    for (const [i, p] of PROVIDERS.entries()) outputs.set(key(name, p), results[i]);
  }
}, 300_000);

describe.each(cases)("golden case $name", ({ name, expectedDir, committedProviders }) => {
  it.each(PROVIDERS)("%s matches the committed output", (provider) => {
    const out = outputs.get(key(name, provider))!;
    const diagnosticsFile = join(expectedDir, `${provider}.diagnostics.txt`);
    const expectedDiagnostics = existsSync(diagnosticsFile) ? readFileSync(diagnosticsFile, "utf8") : "";
    expect(out.diagnostics, "diagnostics (npm run golden:update)").toBe(expectedDiagnostics);
    if (committedProviders.has(provider)) return; // the example's own files: test/e2e/examples.test.ts
    const expected = readTree(join(expectedDir, provider));
    const produced = out.files ?? new Map<string, string>();
    expect([...produced.keys()].sort(), "file list").toEqual([...expected.keys()].sort());
    for (const [path, content] of produced) expect(content, path).toBe(expected.get(path));
  });
});

describe("golden output passes the providers' validators", () => {
  it.each(PROVIDERS)("%s", async (provider) => {
    const files = cases.flatMap(({ name }) =>
      [...(outputs.get(key(name, provider))?.files ?? [])]
        .filter(([path]) => isValidatable(provider, path))
        .map(([path, text]) => ({ file: `${name}/${path}`, text })),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(formatFindings(await validateFiles(provider, files))).toBe("");
  }, 300_000);
});
