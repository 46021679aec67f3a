/**
 * How runtime values are written in each place of a .gitlab-ci.yml. GitLab expands `$VAR` itself in
 * `variables`, `cache:key` and `rules`, while `script` lines go to the shell untouched, so the same
 * model Text needs a different spelling in each place.
 */
import type { Job, Text } from "@cigen/protocol";
import { checksumVar, doubleQuoteBody, type TextSyntax } from "@cigen/provider-kit";

const GIT = { sha: "CI_COMMIT_SHA", branch: "CI_COMMIT_REF_NAME" } as const;

/** `{{ os }}` / `{{ arch }}` for a job: GitLab Linux runners, the job's architecture (amd64 unless set). */
export function platformOf(job: Job, kind: "os" | "arch"): string {
  return kind === "os" ? "linux" : job.arch || "amd64";
}

/** Repository paths of the `{{ checksum }}` references in `text`, in order, without repeats. */
export function checksumPaths(text: Text | undefined): string[] {
  const out: string[] = [];
  for (const part of text?.parts ?? []) {
    if (part.kind.case === "checksum" && !out.includes(part.kind.value)) out.push(part.kind.value);
  }
  return out;
}

/** Text as raw shell (a `script` line): literals verbatim, values as `${NAME}`. */
export function shellSyntax(job: Job, sums: string[]): TextSyntax {
  return {
    env: (name) => `\${${name}}`,
    secret: (name) => `\${${name}}`,
    git: (kind) => `\${${GIT[kind]}}`,
    checksum: (path) => `\${${checksumVar(sums.indexOf(path))}}`,
    platform: (kind) => platformOf(job, kind),
  };
}

/** Text inside a double-quoted shell string: like shellSyntax, with literals escaped. */
export function doubleQuotedSyntax(job: Job, sums: string[]): TextSyntax {
  return { ...shellSyntax(job, sums), literal: doubleQuoteBody, platform: (k) => doubleQuoteBody(platformOf(job, k)) };
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
