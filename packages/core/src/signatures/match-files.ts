import picomatch from "picomatch/posix";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { SignatureCodes } from "./codes";
import { lowerBound } from "./compare-paths";

/** One glob of a job's ordered list: matching files are added, or removed when `negated`. */
export interface FilePattern {
  glob: string;
  negated: boolean;
}

/**
 * Expands `@group` references from `source_file_groups` (recursively; a cycle is reported, not
 * followed) and normalises each glob: a leading `./` or `/` means the repository root, a trailing
 * `/` means everything below that directory. `!@group` negates a whole group, which is only
 * well defined when the group itself holds no negation. Order is kept: it decides the outcome.
 */
export function expandPatterns(
  owner: string,
  patterns: readonly string[],
  groups: Readonly<Record<string, readonly string[]>>,
): { patterns: FilePattern[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: FilePattern[] = [];
  const visit = (list: readonly string[], negate: boolean, stack: string[]) => {
    for (const raw of list) {
      const negated = raw.startsWith("!");
      const body = negated ? raw.slice(1) : raw;
      if (body.startsWith("@")) {
        visitGroup(body.slice(1), negated, negate, stack);
        continue;
      }
      const glob = normaliseGlob(body);
      if (glob === "")
        diagnostics.push(error(SignatureCodes.INVALID_GLOB, `job "${owner}" has an empty glob "${raw}"`));
      else out.push({ glob, negated: negated !== negate });
    }
  };
  const visitGroup = (name: string, negated: boolean, negate: boolean, stack: string[]) => {
    const group = groups[name];
    if (group === undefined) {
      const known = Object.keys(groups).sort().join(", ") || "none";
      diagnostics.push(
        error(SignatureCodes.UNKNOWN_GROUP, `job "${owner}" references unknown group "@${name}" (groups: ${known})`),
      );
    } else if (stack.includes(name)) {
      diagnostics.push(
        error(
          SignatureCodes.GROUP_CYCLE,
          `source_file_groups form a cycle: ${[...stack, name].map((g) => `@${g}`).join(" -> ")}`,
        ),
      );
    } else if (negated && group.some((p) => p.startsWith("!"))) {
      diagnostics.push(
        error(SignatureCodes.INVALID_GLOB, `job "${owner}" negates group "@${name}", which holds negations itself`),
      );
    } else {
      visit(group, negated !== negate, [...stack, name]);
    }
  };
  visit(patterns, false, []);
  return { patterns: out, diagnostics };
}

function error(code: string, message: string): Diagnostic {
  return { severity: "error", code, message };
}

function normaliseGlob(glob: string): string {
  let out = glob.trim();
  while (out.startsWith("./")) out = out.slice(2);
  if (out.startsWith("/")) out = out.slice(1);
  if (out.endsWith("/")) out = `${out}**`;
  return out;
}

/**
 * The literal directory or file a glob can only match inside (`packages/api/**` -> `packages/api`),
 * or undefined when it can match anywhere. Used to narrow both git's work and the matching itself.
 */
export function literalPrefix(glob: string): string | undefined {
  const scan = picomatch.scan(glob);
  const base = scan.isGlob ? scan.base : glob;
  return base === "" || base.includes("\\") || scan.prefix !== "" ? undefined : base;
}

/**
 * Matches globs against one sorted list of repository paths, once per distinct glob: jobs that share
 * globs share the work, and a glob with a literal prefix only looks at the paths under it.
 */
export class PathMatcher {
  private readonly cache = new Map<string, number[]>();

  constructor(readonly paths: readonly string[]) {}

  /** Indexes (ascending) of the paths `glob` matches; dotfiles included. */
  matches(glob: string): number[] {
    let hits = this.cache.get(glob);
    if (hits === undefined) {
      hits = this.scan(glob);
      this.cache.set(glob, hits);
    }
    return hits;
  }

  /** A 0/1 mark per path: the patterns applied in order, so a later pattern overrides an earlier one. */
  select(patterns: readonly FilePattern[]): Uint8Array {
    const mask = new Uint8Array(this.paths.length);
    for (const { glob, negated } of patterns) for (const i of this.matches(glob)) mask[i] = negated ? 0 : 1;
    return mask;
  }

  private scan(glob: string): number[] {
    const prefix = literalPrefix(glob);
    const test = quickTest(glob, prefix) ?? picomatch(glob, { dot: true });
    const hits: number[] = [];
    if (prefix === undefined) {
      for (let i = 0; i < this.paths.length; i++) if (test(this.paths[i])) hits.push(i);
      return hits;
    }
    const exact = lowerBound(this.paths, prefix);
    if (this.paths[exact] === prefix && test(prefix)) hits.push(exact);
    if (glob === prefix) return hits; // a literal path matches only itself
    const from = lowerBound(this.paths, `${prefix}/`, exact);
    const to = lowerBound(this.paths, `${prefix}0`, from); // "0" follows "/": the end of "prefix/..."
    for (let i = from; i < to; i++) if (test(this.paths[i])) hits.push(i);
    return hits;
  }
}

/**
 * The two shapes most globs have, tested without a regular expression: `dir/**` (dir and every
 * path below it) and `dir/**\/*.ext` or `**\/*.ext` (a file name ending in a literal). picomatch (with dot)
 * agrees on every path git can hold: its only exceptions are "." and ".." segments. Matching
 * 20 jobs' globs against 40,000 paths went from 0.27x to 0.13x of `git ls-files -s` this way.
 */
function quickTest(glob: string, prefix: string | undefined): ((path: string) => boolean) | undefined {
  const below = prefix === undefined ? "" : `${prefix}/`;
  if (!glob.startsWith(below)) return undefined;
  const rest = glob.slice(below.length);
  if (rest === "**" && below !== "") return (path) => path === prefix || path.startsWith(below);
  if (!rest.startsWith("**/*")) return undefined;
  const ending = rest.slice(4);
  if (ending === "" || /[/\\*?[\]{}()!+@]/.test(ending)) return undefined;
  return (path) =>
    path.startsWith(below) && path.endsWith(ending) && path.lastIndexOf("/") < path.length - ending.length;
}

/** Compiles an ordered pattern list into a predicate for single paths (history replay). */
export function compilePatterns(patterns: readonly FilePattern[]): (path: string) => boolean {
  const tests = patterns.map((p) => ({ test: picomatch(p.glob, { dot: true }), negated: p.negated }));
  return (path) => {
    for (let i = tests.length - 1; i >= 0; i--) if (tests[i].test(path)) return !tests[i].negated;
    return false;
  };
}
