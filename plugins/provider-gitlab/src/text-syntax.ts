/**
 * How runtime values are written in each place of a .gitlab-ci.yml. GitLab expands `$VAR` itself in
 * `variables`, `cache:key` and `rules`, while `script` lines go to the shell untouched, so the same
 * model Text needs a different spelling in each place.
 */
import type { Job } from "@cigen/protocol";
import { doubleQuotedScriptSyntax, type ScriptNames, scriptSyntax, type TextSyntax } from "@cigen/provider-kit";

// Re-exported so this file stays the one place the provider imports its text syntax from.
export { checksumPaths } from "@cigen/provider-kit";

const GIT = { sha: "CI_COMMIT_SHA", branch: "CI_COMMIT_REF_NAME" } as const;

/** `{{ os }}` / `{{ arch }}` for a job: GitLab Linux runners, the job's architecture (amd64 unless set). */
export function platformOf(job: Job, kind: "os" | "arch"): string {
  return kind === "os" ? "linux" : job.arch || "amd64";
}

/** GitLab's git variables and the job's platform, as scripts read them. */
function scriptNames(job: Job): ScriptNames {
  return { git: GIT, platform: (kind) => platformOf(job, kind) };
}

/** Text as raw shell (a `script` line): literals verbatim, values as `${NAME}`. */
export function shellSyntax(job: Job, sums: string[]): TextSyntax {
  return scriptSyntax(scriptNames(job), sums);
}

/** Text inside a double-quoted shell string: like shellSyntax, with literals escaped. */
export function doubleQuotedSyntax(job: Job, sums: string[]): TextSyntax {
  return doubleQuotedScriptSyntax(scriptNames(job), sums);
}

/** Text that GitLab itself expands (`variables` values): `$$` is a literal dollar. */
export function variablesSyntax(job: Job): TextSyntax {
  return {
    env: (name) => `\${${name}}`,
    secret: (name) => `\${${name}}`,
    git: (kind) => `\${${GIT[kind]}}`,
    checksum: () => {
      throw new Error("a checksum cannot be expanded by GitLab; callers route such values to the script");
    },
    platform: (kind) => platformOf(job, kind),
    literal: (s) => s.replaceAll("$", "$$$$"),
  };
}

/**
 * Text in a cache key: GitLab expands variables there but refuses `/` in a key, so the branch is
 * its slug and a literal `/` or `$` becomes `-`.
 */
export function cacheKeySyntax(job: Job): TextSyntax {
  return {
    ...variablesSyntax(job),
    git: (kind) => (kind === "sha" ? `\${CI_COMMIT_SHA}` : `\${CI_COMMIT_REF_SLUG}`),
    literal: (s) => s.replace(/[/$]/g, "-"),
  };
}
