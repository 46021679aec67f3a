/**
 * Runs the independent validators kept beside this repository (../shared/validators) over generated
 * output. Tests assert zero findings: generated config counts as correct only when the providers'
 * own tools accept it.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type ValidatorProvider = "github" | "circleci" | "buildkite" | "gitlab" | "jenkins";

export interface Finding {
  file: string;
  line: number;
  col: number;
  check: string;
  message: string;
  severity: "error" | "warning" | "info";
}

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const validatorsDir = resolve(repoRoot, "..", "shared", "validators");

type ValidateFn = (provider: string, files: { file: string; text: string }[]) => Promise<Finding[]>;
let validateFn: ValidateFn | undefined;

async function load(): Promise<ValidateFn> {
  if (!validateFn) {
    const entry = resolve(validatorsDir, "validate.mjs");
    if (!existsSync(entry))
      throw new Error(`validators not found at ${entry}; run .ci/run or npm ci in ../shared/validators`);
    validateFn = (await import(pathToFileURL(entry).href)).validate as ValidateFn;
  }
  return validateFn;
}

/** Findings that fail a file: errors and warnings (info notes never fail). */
export async function validateFiles(
  provider: ValidatorProvider,
  files: { file: string; text: string }[],
): Promise<Finding[]> {
  const findings = await (await load())(provider, files);
  return findings.filter((f) => f.severity !== "info");
}

/**
 * Whether a generated file is the kind the provider's validator checks: Buildkite output also
 * holds a Docker Compose file for services, which is not a pipeline.
 */
export function isValidatable(provider: ValidatorProvider, path: string): boolean {
  return !(provider === "buildkite" && /docker-compose[^/]*\.ya?ml$/.test(path));
}

/** Formats findings one per line, for readable assertion failures. */
export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.col}: [${f.check}] ${f.message}`).join("\n");
}
