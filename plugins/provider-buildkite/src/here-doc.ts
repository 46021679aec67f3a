/**
 * Scripts a Buildkite command runs in a child `sh` from a quoted here-document. Every `$` of a
 * command is written `$$` for `pipeline upload`, so a script's own variables (`v=...`, then
 * `"$v"`) read as `$$` plus text to shellcheck, which sees the pipeline as written; a quoted
 * here-document's body is data to the outer shell, and the child shell runs it once the upload
 * has turned `$$` back into `$`. Used for toolchain installs, the plan and the records.
 */

/** `base`, lengthened until no line of `bodies` equals it (a body line would end the document). */
export function hereDocDelimiter(base: string, bodies: readonly string[]): string {
  let delimiter = base;
  while (bodies.some((body) => body.split("\n").includes(delimiter))) delimiter += "_";
  return delimiter;
}

/**
 * The lines that run `body` in a child shell: `sh <<'DELIMITER'` followed by `after` on the same
 * line (a pipe or an `||` for the child's result), the body, the delimiter.
 */
export function inHereDoc(body: string, base: string, after = ""): string[] {
  const delimiter = hereDocDelimiter(base, [body]);
  return [`sh <<'${delimiter}'${after ? ` ${after}` : ""}`, body, delimiter];
}
