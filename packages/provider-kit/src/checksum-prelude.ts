/**
 * Checksums computed by the job's shell, for providers with no checksum function of their own in
 * scripts (GitLab, Jenkins): a prelude sets one variable per file, the script text reads it.
 */
import type { Text } from "@cigen/protocol";
import { singleQuote } from "./shell-quote";

/**
 * Repository paths of the `{{ checksum }}` references in `text`, in order, without repeats: the
 * files a prelude computes (their indexes number the variables, see checksumVar).
 */
export function checksumPaths(text: Text | undefined): string[] {
  const out: string[] = [];
  for (const part of text?.parts ?? []) {
    if (part.kind.case === "checksum" && !out.includes(part.kind.value)) out.push(part.kind.value);
  }
  return out;
}

/** The shell variable that holds the checksum of the `index`-th file a script computes. */
export function checksumVar(index: number): string {
  return `cigen_sum_${index + 1}`;
}

/**
 * Shell lines that compute each file's SHA-256 into its variable. A missing file hashes as empty
 * content: a checksum of nothing rather than a failed job.
 */
export function checksumPrelude(paths: string[]): string[] {
  return paths.map(
    (p, i) => `${checksumVar(i)}="$( (cat ${singleQuote(p)} 2>/dev/null || true) | sha256sum | cut -c 1-64)"`,
  );
}
