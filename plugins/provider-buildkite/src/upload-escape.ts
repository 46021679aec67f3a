/**
 * `buildkite-agent pipeline upload` interpolates `$NAME` and `${NAME}` in every string of the
 * pipeline with the upload job's environment, before Buildkite sees it. Runtime values must
 * therefore reach Buildkite as `$$NAME`, which the upload turns back into `$NAME`. `$(` is left
 * alone by the upload (it is a shell substitution), and `$` followed by anything else that is not
 * a name would make the upload fail, so every `$` except those of `$(` is doubled.
 */
export function escapeForUpload(runtime: string): string {
  return runtime.replace(/\$(?!\()/g, "$$$$");
}

/**
 * What the upload makes of a string, following the agent's interpolation rules (`\\` and text
 * are kept, `\$` and `$$` become `$`, `$(` is kept), or undefined when it would expand a variable.
 * Used to prove that an escaped string arrives unchanged.
 */
export function afterUpload(text: string): string | undefined {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === "\\\\" || two === "$(") {
      out += two;
      i += 2;
    } else if (two === "\\$" || two === "$$") {
      out += "$";
      i += 2;
    } else if (text[i] === "$" && i < text.length - 1) {
      return undefined;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** The escaped string, and whether the upload gives back exactly `runtime` (it cannot for `\$`). */
export function uploadText(runtime: string): { text: string; exact: boolean } {
  const text = escapeForUpload(runtime);
  return { text, exact: afterUpload(text) === runtime };
}
