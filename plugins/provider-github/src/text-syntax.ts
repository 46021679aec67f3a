// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are GitHub expressions and shell variables, meant literally.
import type { Text } from "@cigen/protocol";
import { renderText, type TextSyntax } from "@cigen/provider-kit";

/**
 * How runtime values are written where GitHub evaluates `${{ }}` expressions (env values, `with:`
 * inputs, cache keys). `{{ git.branch }}` prefers the pull request's head branch, because
 * `github.ref_name` on a pull_request event is the synthetic "<number>/merge".
 */
export const expressionSyntax: TextSyntax = {
  env: (name) => `\${{ env.${name} }}`,
  secret: (name) => `\${{ secrets.${name} }}`,
  git: (kind) => (kind === "sha" ? "${{ github.sha }}" : "${{ github.head_ref || github.ref_name }}"),
  checksum: (path) => `\${{ hashFiles(${stringLiteral(path)}) }}`,
  platform: (kind) => (kind === "os" ? "${{ runner.os }}" : "${{ runner.arch }}"),
};

/**
 * How runtime values are written inside a `run:` script. Whatever the runner already exports is
 * read as a shell variable: the branch name is attacker-controlled on pull requests, and pasting it
 * into the script text through `${{ }}` would let a crafted branch name inject commands (GitHub's
 * hardening guide, and actionlint, reject `github.head_ref` in scripts). Secrets and file hashes
 * have no variable, so they stay expressions.
 */
export const shellSyntax: TextSyntax = {
  env: (name) => `\${${name}}`,
  secret: expressionSyntax.secret,
  git: (kind) => (kind === "sha" ? "${GITHUB_SHA}" : "${GITHUB_HEAD_REF:-${GITHUB_REF_NAME}}"),
  checksum: expressionSyntax.checksum,
  platform: (kind) => (kind === "os" ? "${RUNNER_OS}" : "${RUNNER_ARCH}"),
};

/** Renders a model Text for a place where GitHub evaluates expressions. */
export function expression(text: Text | undefined): string {
  return renderText(text, expressionSyntax);
}

/** Renders a model Text for the body of a `run:` script. */
export function shell(text: Text | undefined): string {
  return renderText(text, shellSyntax);
}

/**
 * True when the text reads a context that exists only while steps run (`env`, `runner`,
 * `hashFiles`), so it cannot be written at job or service level, where GitHub offers only the
 * github, secrets, matrix, needs, strategy, vars and inputs contexts.
 */
export function needsStepContext(text: Text | undefined): boolean {
  return (text?.parts ?? []).some((p) => ["env", "platform", "checksum"].includes(p.kind.case ?? ""));
}

/** A string literal for a GitHub expression: single-quoted, a quote inside written twice. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
