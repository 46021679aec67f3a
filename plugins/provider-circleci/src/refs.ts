import { globToRegex } from "@cigen/provider-kit";

/**
 * A set of git refs of one kind (branches or tags), kept as an expression so filters can be
 * combined (a workflow's trigger with a job's own filter, a job with the filters of the jobs it
 * needs) and then written as one CircleCI regex.
 */
export type RefSet = { kind: "all" } | { kind: "none" } | { kind: "regex"; body: string };

export const ALL: RefSet = { kind: "all" };
export const NONE: RefSet = { kind: "none" };

/**
 * The refs a glob list selects, in GitHub's filter semantics: patterns apply in order, a `!`
 * pattern removes what earlier ones added. An empty list selects nothing.
 */
export function refsFromGlobs(globs: readonly string[]): RefSet {
  let set: RefSet = NONE;
  for (const glob of globs) {
    if (glob.startsWith("!")) set = intersect(set, complement(fromGlob(glob.slice(1))));
    else set = union(set, fromGlob(glob));
  }
  return set;
}

function fromGlob(glob: string): RefSet {
  return glob === "**" ? ALL : { kind: "regex", body: globToRegex(glob) };
}

export function union(a: RefSet, b: RefSet): RefSet {
  if (a.kind === "all" || b.kind === "all") return ALL;
  if (a.kind === "none") return b;
  if (b.kind === "none") return a;
  if (a.body === b.body) return a;
  return { kind: "regex", body: `${a.body}|${b.body}` };
}

export function intersect(a: RefSet, b: RefSet): RefSet {
  if (a.kind === "none" || b.kind === "none") return NONE;
  if (a.kind === "all") return b;
  if (b.kind === "all") return a;
  if (a.body === b.body) return a;
  // A lookahead checks the whole ref against `a`, then the match itself must satisfy `b`.
  return { kind: "regex", body: `(?=(?:${a.body})$)(?:${b.body})` };
}

export function complement(a: RefSet): RefSet {
  if (a.kind === "all") return NONE;
  if (a.kind === "none") return ALL;
  return { kind: "regex", body: `(?!(?:${a.body})$).*` };
}

/** The anchored regex CircleCI `matches` conditions and filters take. */
export function anchored(set: { body: string }): string {
  return `^(?:${set.body})$`;
}

/** Filter refs, branch and tag. */
export interface RefFilter {
  branches: RefSet;
  tags: RefSet;
}

export function filterUnion(a: RefFilter, b: RefFilter): RefFilter {
  return { branches: union(a.branches, b.branches), tags: union(a.tags, b.tags) };
}

export function filterIntersect(a: RefFilter, b: RefFilter): RefFilter {
  return { branches: intersect(a.branches, b.branches), tags: intersect(a.tags, b.tags) };
}

/** True when the filter selects no ref at all. */
export function isEmptyFilter(f: RefFilter): boolean {
  return f.branches.kind === "none" && f.tags.kind === "none";
}
