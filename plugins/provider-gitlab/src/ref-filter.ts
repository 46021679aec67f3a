/**
 * Branch and tag globs as GitLab `rules:if` regex matches. Globs follow cigen.yml: `*` stays within
 * one path segment, `**` crosses `/`, `?` is one character, and a leading `!` excludes what the
 * earlier patterns matched (patterns apply in order, the last one that matches decides).
 */
import { globToRegex as sharedGlobToRegex } from "@cigen/provider-kit";
import { and, atom, type Cond, FALSE, or } from "./condition";

/** A glob as an anchored RE2 body, with `/` escaped for GitLab's `/.../` literal. */
export function globToRegex(glob: string): string {
  return sharedGlobToRegex(glob, { inSlashes: true });
}

/** A condition that `variable` (e.g. `$CI_COMMIT_BRANCH`) matches the ordered glob list. */
export function refMatch(variable: string, globs: string[]): Cond {
  let cond: Cond = FALSE;
  let positives: string[] = [];
  const flush = () => {
    if (positives.length) cond = or(cond, matchAny(variable, positives));
    positives = [];
  };
  for (const glob of globs) {
    if (glob.startsWith("!")) {
      flush();
      cond = and(cond, atom(`${variable} !~ /^${globToRegex(glob.slice(1))}$/`));
    } else positives.push(glob);
  }
  flush();
  return cond;
}

function matchAny(variable: string, globs: string[]): Cond {
  // `**` matches every ref: GitLab's bare-variable test (set and not empty) says it plainly.
  if (globs.includes("**")) return atom(variable);
  const bodies = globs.map(globToRegex);
  const body = bodies.length === 1 ? bodies[0] : `(?:${bodies.join("|")})`;
  return atom(`${variable} =~ /^${body}$/`);
}
