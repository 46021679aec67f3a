/**
 * Text as script lines for providers whose scripts read every runtime value from the environment
 * (GitLab, Jenkins): variables and secrets by their own name, git values by the provider's
 * variables, checksums from the variables a checksum prelude sets.
 */
import { checksumVar } from "./checksum-prelude";
import { doubleQuoteBody } from "./shell-quote";
import type { TextSyntax } from "./text";

/** What a provider calls the values a script reads: its git variables and the job's platform. */
export interface ScriptNames {
  /** The environment variables that hold the commit SHA and the branch name. */
  git: Readonly<Record<"sha" | "branch", string>>;
  /** `{{ os }}` / `{{ arch }}` for the job, known when generating. */
  platform(kind: "os" | "arch"): string;
}

/**
 * Text as raw shell: literals verbatim, values as `${NAME}`. `sums` are the files the prelude
 * computes (see checksumPaths), in the prelude's order.
 */
export function scriptSyntax(names: ScriptNames, sums: string[]): TextSyntax {
  return {
    env: (name) => `\${${name}}`,
    secret: (name) => `\${${name}}`,
    git: (kind) => `\${${names.git[kind]}}`,
    checksum: (path) => `\${${checksumVar(sums.indexOf(path))}}`,
    platform: (kind) => names.platform(kind),
  };
}

/** Text inside a double-quoted shell string: like scriptSyntax, with literals (and the platform) escaped. */
export function doubleQuotedScriptSyntax(names: ScriptNames, sums: string[]): TextSyntax {
  return {
    ...scriptSyntax(names, sums),
    literal: doubleQuoteBody,
    platform: (kind) => doubleQuoteBody(names.platform(kind)),
  };
}
