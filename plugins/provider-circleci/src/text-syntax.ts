import type { Job, Text } from "@cigen/protocol";
import { literalText, renderText, shellQuote, type TextSyntax } from "@cigen/provider-kit";

/** CircleCI 2.1 reads `<< name >>` anywhere as a parameter; a backslash keeps it literal. */
const PARAMETER = /<<(\s*[\w.-]+\s*>>)/g;

function escapeParameters(text: string): string {
  return text.replace(PARAMETER, "\\<<$1");
}

/** The job's architecture as cigen names it; CircleCI's default executors are amd64. */
export function jobArch(job: Job): string {
  return job.arch || "amd64";
}

/**
 * Runtime values inside a `run` command: environment variables (secrets are project or context
 * environment variables on CircleCI), CircleCI's built-in git variables, a checksum computed in
 * the shell. Every executor cigen emits is Linux, and the arch is known when generating.
 */
export function shellSyntax(job: Job): TextSyntax {
  return {
    env: (name) => `\${${name}}`,
    secret: (name) => `\${${name}}`,
    git: (kind) => `\${${kind === "sha" ? "CIRCLE_SHA1" : "CIRCLE_BRANCH"}}`,
    checksum: (path) => `$(sha256sum ${shellQuote(path)} | cut -d ' ' -f 1)`,
    platform: (kind) => (kind === "os" ? "linux" : jobArch(job)),
    literal: escapeParameters,
  };
}

/** Like shellSyntax, for a value written inside double quotes: literal parts are escaped. */
export function quotedShellSyntax(job: Job): TextSyntax {
  return { ...shellSyntax(job), literal: (text) => escapeParameters(text.replace(/[\\"$`]/g, "\\$&")) };
}

/** Cache keys: CircleCI's own key templates, so the checksum is the native one. */
export function cacheKeySyntax(job: Job): TextSyntax {
  return {
    env: (name) => `{{ .Environment.${name} }}`,
    secret: (name) => `{{ .Environment.${name} }}`,
    git: (kind) => (kind === "sha" ? "{{ .Revision }}" : "{{ .Branch }}"),
    checksum: (path) => `{{ checksum ${JSON.stringify(path)} }}`,
    platform: (kind) => (kind === "os" ? "linux" : jobArch(job)),
    literal: escapeParameters,
  };
}

/** A run command in CircleCI syntax. */
export function shellText(text: Text | undefined, job: Job): string {
  return renderText(text, shellSyntax(job));
}

/** A value for `export NAME="..."`. */
export function quotedText(text: Text | undefined, job: Job): string {
  return renderText(text, quotedShellSyntax(job));
}

/** A cache key in CircleCI's template syntax. */
export function cacheKeyText(text: Text | undefined, job: Job): string {
  return renderText(text, cacheKeySyntax(job));
}

/**
 * The value for an `environment:` map, or undefined when the text has runtime parts: CircleCI
 * does not interpolate `environment:` values, so those must be exported from the shell instead.
 */
export function literalEnvValue(text: Text | undefined): string | undefined {
  const value = literalText(text);
  return value === undefined ? undefined : escapeParameters(value);
}
