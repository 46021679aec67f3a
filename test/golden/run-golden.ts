/**
 * Generates one golden case for one provider through the real pipeline (real provider plugin
 * processes), returning either the files or the diagnostics. Shared by the golden test and by
 * `npm run golden:update`, so both see exactly the same thing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TIMEOUTS, type Diagnostic, hasErrors, runPipeline } from "@cigen/core";
import { parse } from "yaml";

export const PROVIDERS = ["github", "circleci", "buildkite", "gitlab", "jenkins"] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface GoldenOutput {
  /** path -> content, when generation succeeded. */
  files?: Map<string, string>;
  /** One line per diagnostic (errors and warnings), in the CLI's order. */
  diagnostics: string;
}

export async function generateCase(repoRoot: string, caseDir: string, provider: Provider): Promise<GoldenOutput> {
  const result = await runPipeline({
    cwd: caseDir,
    providers: [provider],
    pluginPaths: [],
    bundledPluginDirs: [join(repoRoot, "node_modules", ".bin")],
    ...DEFAULT_TIMEOUTS,
    env: { PATH: process.env.PATH },
  });
  const diagnostics = result.diagnostics.map(formatLine).join("");
  if (hasErrors(result.diagnostics)) return { diagnostics };
  return { files: new Map(result.files.map((f) => [f.path, f.content])), diagnostics };
}

function formatLine(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line ?? 0}:${d.column ?? 0}: ` : "";
  return `${where}${d.severity} ${d.code}: ${d.message}\n`;
}

/** A golden case: the folder with its cigen.yml and where its expected output is committed. */
export interface GoldenCase {
  name: string;
  configDir: string;
  expectedDir: string;
  /**
   * Providers whose files the case commits in its own folder (an example lists them under
   * `providers:`, and test/e2e/examples.test.ts checks that output): for those, only the
   * diagnostics are kept under `expectedDir`, so no generated file is committed twice.
   */
  committedProviders: ReadonlySet<Provider>;
}

/**
 * The golden cases: every test/golden/cases/<case> (one per group of rows of docs/providers.md) and
 * every bundled example, each generated for all five providers whatever its own `providers` list says.
 */
export function goldenCases(repoRoot: string): GoldenCase[] {
  const within = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => existsSync(join(dir, name, "cigen.yml")))
          .sort()
      : [];
  const casesDir = join(repoRoot, "test/golden/cases");
  const examplesDir = join(repoRoot, "examples");
  return [
    ...within(casesDir).map((name) => ({
      name,
      configDir: join(casesDir, name),
      expectedDir: join(casesDir, name, "expected"),
      committedProviders: new Set<Provider>(),
    })),
    ...within(examplesDir).map((name) => ({
      name: `example-${name}`,
      configDir: join(examplesDir, name),
      expectedDir: join(repoRoot, "test/golden/examples", name, "expected"),
      committedProviders: listedProviders(join(examplesDir, name, "cigen.yml")),
    })),
  ];
}

function listedProviders(configFile: string): Set<Provider> {
  const listed = (parse(readFileSync(configFile, "utf8")) as { providers?: unknown }).providers;
  return new Set(PROVIDERS.filter((p) => Array.isArray(listed) && listed.includes(p)));
}
