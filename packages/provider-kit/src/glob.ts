/**
 * Turns a ref glob as cigen.yml writes them (GitHub's filter syntax: `*` matches within one path
 * segment, `**` across segments, `?` one character) into a regular-expression body that matches the
 * whole ref when anchored (`^(?:body)$`). Providers whose ref filters take regexes (CircleCI,
 * Buildkite, GitLab, Jenkins) share it so the same glob means the same refs everywhere.
 *
 * `inSlashes` is for a regex written as a `/.../` literal (GitLab `rules:if`): every `/` is then
 * escaped, inside character classes too.
 */
export function globToRegex(glob: string, { inSlashes = false } = {}): string {
  const notSlash = inSlashes ? "[^\\/]" : "[^/]";
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += ".*";
      i++;
    } else if (c === "*") {
      out += `${notSlash}*`;
    } else if (c === "?") {
      out += notSlash;
    } else {
      out += c.replace(/[\\^$.|+()[\]{}/]/g, "\\$&");
    }
  }
  return out;
}
