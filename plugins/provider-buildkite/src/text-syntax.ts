import type { Job, Text } from "@cigen/protocol";
import { literalText, renderText, shellQuote, type TextSyntax } from "@cigen/provider-kit";

/** The job's architecture as cigen names it; Buildkite agents are amd64 unless told otherwise. */
export function jobArch(job: Job): string {
  return job.arch || "amd64";
}

const GIT: Record<"sha" | "branch", string> = { sha: "BUILDKITE_COMMIT", branch: "BUILDKITE_BRANCH" };

/**
 * Runtime values inside a command, as the shell sees them when the job runs (before upload
 * escaping): variables (secrets are environment variables once the step lists them under
 * `secrets:`), Buildkite's git variables, a checksum computed in the shell.
 */
export function shellSyntax(job: Job): TextSyntax {
  return {
    env: (name) => `\${${name}}`,
    secret: (name) => `\${${name}}`,
    git: (kind) => `\${${GIT[kind]}}`,
    checksum: (path) => `$(sha256sum ${shellQuote(path)} | cut -d ' ' -f 1)`,
    platform: (kind) => (kind === "os" ? "linux" : jobArch(job)),
  };
}

/**
 * Like shellSyntax, for one shell word (`export NAME=<word>`): literal parts in single quotes
 * and runtime parts in double quotes, so no backslash-dollar is ever needed (the upload would
 * eat it).
 */
export function wordSyntax(job: Job): TextSyntax {
  const base = shellSyntax(job);
  return {
    env: (name) => `"${base.env(name)}"`,
    secret: (name) => `"${base.secret(name)}"`,
    git: (kind) => `"${base.git(kind)}"`,
    checksum: (path) => `"${base.checksum(path)}"`,
    platform: (kind) => base.platform(kind),
    literal: (text) => (text ? `'${text.replace(/'/g, "'\\''")}'` : ""),
  };
}

/** Cache keys in the cache plugin's own templates (`{{ checksum 'file' }}`, `{{ env.X }}`). */
export function cacheKeySyntax(job: Job): TextSyntax {
  return {
    env: (name) => `{{ env.${name} }}`,
    secret: (name) => `{{ env.${name} }}`,
    git: (kind) => (kind === "sha" ? "{{ git.commit }}" : "{{ git.branch }}"),
    checksum: (path) => `{{ checksum '${path}' }}`,
    platform: (kind) => (kind === "os" ? "linux" : jobArch(job)),
  };
}

/** A command as the shell runs it. */
export function shellText(text: Text | undefined, job: Job): string {
  return renderText(text, shellSyntax(job));
}

/** One shell word; `''` for an empty text. */
export function shellWord(text: Text | undefined, job: Job): string {
  return renderText(text, wordSyntax(job)) || "''";
}

/** A cache key in the cache plugin's template syntax. */
export function cacheKeyText(text: Text | undefined, job: Job): string {
  return renderText(text, cacheKeySyntax(job));
}

/** The literal value of a text, or undefined when it has runtime parts. */
export { literalText };
