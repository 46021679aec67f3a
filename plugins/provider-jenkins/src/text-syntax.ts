/**
 * How runtime values are written in a Jenkinsfile: in `sh` scripts (single-quoted Groovy, so the
 * shell expands `${NAME}` from the environment Jenkins exports), and in `environment` values
 * (GStrings reading `env`).
 */
import type { Job, Text } from "@cigen/protocol";
import { checksumVar, doubleQuoteBody, type TextSyntax } from "@cigen/provider-kit";
import { gstringBody } from "./groovy-string";

/** Multibranch pipelines set GIT_COMMIT and BRANCH_NAME. */
const GIT = { sha: "GIT_COMMIT", branch: "BRANCH_NAME" } as const;

/** `{{ os }}` / `{{ arch }}`: Linux agents, the job's architecture (amd64 unless set). */
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

/** Text as shell: literals verbatim, values as `${NAME}` (secrets are bound to their own name). */
export function shellSyntax(job: Job, sums: string[]): TextSyntax {
  return {
    env: (name) => `\${${name}}`,
    secret: (name) => `\${${name}}`,
    git: (kind) => `\${${GIT[kind]}}`,
    checksum: (path) => `\${${checksumVar(sums.indexOf(path))}}`,
    platform: (kind) => platformOf(job, kind),
  };
}

/** Text inside a double-quoted shell string. */
export function doubleQuotedSyntax(job: Job, sums: string[]): TextSyntax {
  return { ...shellSyntax(job, sums), literal: doubleQuoteBody, platform: (k) => doubleQuoteBody(platformOf(job, k)) };
}

/** Text inside a GString (`environment` values): Jenkins variables as `${env.NAME}`. */
export function gstringSyntax(job: Job): TextSyntax {
  return {
    env: (name) => `\${env.${name}}`,
    secret: (name) => `\${env.${name}}`,
    git: (kind) => `\${env.${GIT[kind]}}`,
    checksum: () => "",
    platform: (kind) => platformOf(job, kind),
    literal: gstringBody,
  };
}
