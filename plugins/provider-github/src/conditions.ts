import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { UNSUPPORTED_REF_GLOB } from "./codes";
import { stringLiteral } from "./text-syntax";

/** A job's combined `if:` expression (undefined when it always runs) and what could not be expressed. */
export interface JobCondition {
  expression: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Combines everything that decides whether a job runs into one `if:` expression, every part of
 * which must hold: the needs_any emulation, the schedule it is limited to, and its ref filter.
 */
export function jobCondition(job: Job): JobCondition {
  const parts: string[] = [...needsAnyCondition(job)];
  const cron = job.trigger?.cron;
  if (cron) parts.push("github.event_name == 'schedule'", `github.event.schedule == ${stringLiteral(cron)}`);
  const ref = refCondition(job);
  if (ref.expression) parts.push(ref.expression);
  return { expression: allOf(parts), diagnostics: ref.diagnostics };
}

/**
 * GitHub has no OR dependency. The job lists every upstream in `needs:` and replaces the implicit
 * `success()` (which would require all of them) with `!cancelled()` plus explicit results: each
 * plain need succeeded and at least one needs_any succeeded.
 */
export function needsAnyCondition(job: Job): string[] {
  if (job.needsAny.length === 0) return [];
  const succeeded = (id: string) => `needs.${id}.result == 'success'`;
  return ["!cancelled()", ...job.needs.map(succeeded), anyOf(job.needsAny.map(succeeded))];
}

/** The job's trigger.branches / trigger.tags as one test of `github.ref` (any of them matches). */
export function refCondition(job: Job): JobCondition {
  const diagnostics: Diagnostic[] = [];
  const tests: string[] = [];
  const filters = [
    { key: "branches", prefix: "refs/heads/", globs: job.trigger?.branches ?? [] },
    { key: "tags", prefix: "refs/tags/", globs: job.trigger?.tags ?? [] },
  ];
  for (const { key, prefix, globs } of filters) {
    for (const glob of globs) {
      const test = globCondition(glob, prefix);
      if (test) tests.push(test);
      else diagnostics.push(unsupportedGlob(job, key, glob));
    }
  }
  return { expression: tests.length > 0 ? anyOf(tests) : undefined, diagnostics };
}

const GLOB_CHARS = /[*?[\]{}!+\\]/;

/**
 * Translates one ref glob to a test of `github.ref`, or undefined when an expression cannot say it.
 * GitHub expressions have equality and startsWith only, so an exact name, `prefix*`, `prefix**` and
 * `prefix/**` are expressible. `prefix*` is tested with startsWith although GitHub's `*` stops at
 * `/`: matching a deeper branch too runs a job more often, never less, which is the safe side.
 */
export function globCondition(glob: string, refPrefix: string): string | undefined {
  if (!GLOB_CHARS.test(glob)) return `github.ref == ${stringLiteral(refPrefix + glob)}`;
  const prefix = glob.replace(/\*\*?$/, "");
  if (prefix === glob || GLOB_CHARS.test(prefix)) return undefined;
  return `startsWith(github.ref, ${stringLiteral(refPrefix + prefix)})`;
}

function anyOf(tests: string[]): string {
  return tests.join(" || ");
}

/** Joins parts with &&, parenthesizing the ones that are themselves alternatives. */
function allOf(parts: string[]): string | undefined {
  if (parts.length <= 1) return parts[0];
  return parts.map((p) => (p.includes(" || ") ? `(${p})` : p)).join(" && ");
}

function unsupportedGlob(job: Job, key: string, glob: string): Diagnostic {
  return diagnostic({
    code: UNSUPPORTED_REF_GLOB,
    message: `job "${job.id}": trigger.${key} glob "${glob}" cannot be expressed as a GitHub Actions "if:" condition`,
    hint: 'GitHub expressions can only compare refs: use an exact name, "prefix*" or "prefix/**", or move the filter to the workflow\'s push trigger, which takes full globs.',
    loc: job.loc,
  });
}
