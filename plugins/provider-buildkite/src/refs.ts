import { globToRegex } from "@cigen/provider-kit";
import { and, atom, type Cond, FALSE, not, or, TRUE } from "./conditions";

/**
 * A regex literal for Buildkite conditionals matching the whole value. `/` is escaped inside
 * character classes too (a bare one would end the literal), a literal `$` is written `\x24`, and
 * the end anchor is `$$`, which `pipeline upload` turns into `$` (and which still means "end" if
 * a pipeline is uploaded without interpolation).
 */
export function regexLiteral(glob: string): string {
  const body = globToRegex(glob)
    .replace(/\[\^\/\]/g, "[^\\/]")
    .replace(/\\\$/g, "\\x24");
  return `/^(?:${body})$$/`;
}

/**
 * The condition that `value` (e.g. `build.branch`) matches a glob list in GitHub's filter
 * semantics: patterns apply in order, a `!` pattern removes what earlier ones added. `**` alone
 * matches any value; an empty list matches nothing.
 */
export function globsCondition(value: string, globs: readonly string[]): Cond {
  let cond: Cond = FALSE;
  for (const glob of globs) {
    const negated = glob.startsWith("!");
    const pattern = negated ? glob.slice(1) : glob;
    const match = pattern === "**" ? TRUE : atom(`${value} =~ ${regexLiteral(pattern)}`);
    cond = negated ? and(cond, not(match)) : or(cond, match);
  }
  return cond;
}

/**
 * The refs a branch/tag filter selects: a branch build (no tag) whose branch matches, or a tag
 * build whose tag matches. Both lists empty means no filter.
 */
export function refCondition(branches: readonly string[], tags: readonly string[]): Cond {
  if (branches.length === 0 && tags.length === 0) return TRUE;
  return or(
    and(atom("build.tag == null"), globsCondition("build.branch", branches)),
    and(atom("build.tag != null"), globsCondition("build.tag", tags)),
  );
}
