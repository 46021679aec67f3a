/**
 * Generates one golden case for one provider through the real pipeline (real provider plugin
 * processes), returning either the files or the diagnostics. Shared by the golden test and by
 * `npm run golden:update`, so both see exactly the same thing.
 */
import { join } from "node:path";
import { DEFAULT_TIMEOUTS, type Diagnostic, hasErrors, runPipeline } from "@cigen/core";

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
