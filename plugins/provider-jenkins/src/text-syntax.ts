/**
 * How runtime values are written in a Jenkinsfile: in `sh` scripts (single-quoted Groovy, so the
 * shell expands `${NAME}` from the environment Jenkins exports), and in `environment` values
 * (GStrings reading `env`).
 */
import type { Job } from "@cigen/protocol";
import { doubleQuotedScriptSyntax, type ScriptNames, scriptSyntax, type TextSyntax } from "@cigen/provider-kit";
import { gstringBody } from "./groovy-string";

// Re-exported so this file stays the one place the provider imports its text syntax from.
export { checksumPaths } from "@cigen/provider-kit";

/** Multibranch pipelines set GIT_COMMIT and BRANCH_NAME. */
const GIT = { sha: "GIT_COMMIT", branch: "BRANCH_NAME" } as const;

/** `{{ os }}` / `{{ arch }}`: Linux agents, the job's architecture (amd64 unless set). */
export function platformOf(job: Job, kind: "os" | "arch"): string {
  return kind === "os" ? "linux" : job.arch || "amd64";
}

/** Jenkins's git variables and the job's platform, as scripts read them. */
function scriptNames(job: Job): ScriptNames {
  return { git: GIT, platform: (kind) => platformOf(job, kind) };
}

/** Text as shell: literals verbatim, values as `${NAME}` (secrets are bound to their own name). */
export function shellSyntax(job: Job, sums: string[]): TextSyntax {
  return scriptSyntax(scriptNames(job), sums);
}

/** Text inside a double-quoted shell string. */
export function doubleQuotedSyntax(job: Job, sums: string[]): TextSyntax {
  return doubleQuotedScriptSyntax(scriptNames(job), sums);
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
