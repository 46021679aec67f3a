import type { SkipStore } from "@cigen/protocol";
import picomatch from "picomatch";
import type { CiEnvironment } from "./ci-environment";

/** Whether this run may write to the job's store, and why (shown when it may not). */
export interface RecordDecision {
  record: boolean;
  /** Why nothing is recorded; undefined when `record` is true. */
  notice?: string;
}

/** Branches that count as "the default branch" when the provider does not say which it is. */
const FALLBACK_DEFAULT_BRANCHES = ["main", "master"];

/**
 * The trust rules of job-skipping.md: a store is state later runs believe, so inside CI only runs
 * on the branches in `record_on` (default: the default branch) write to it, and pull requests
 * never do (a fork's code must not be able to mark its own signatures as tested). Outside CI (a
 * developer's machine, tests) recording is allowed. The `native` store is written by the
 * provider's cache step, never by cigen.
 */
export function decideRecord(store: SkipStore | undefined, ci: CiEnvironment): RecordDecision {
  if (!store || store.type === "native")
    return { record: false, notice: "the native store is written by the provider's cache step, not by cigen record" };
  if (!ci.inCi) return { record: true };
  if (ci.pullRequest)
    return { record: false, notice: "runs of pull requests may read the store but never write to it" };
  if (!ci.branch) return { record: false, notice: "the CI environment does not say which branch this run is for" };
  const allowed = store.recordOn.length > 0 ? store.recordOn : defaultBranches(ci);
  if (allowed.some((glob) => picomatch(glob, { dot: true })(ci.branch!))) return { record: true };
  return {
    record: false,
    notice: `branch "${ci.branch}" is not in record_on (${allowed.join(", ")}); only those branches record`,
  };
}

function defaultBranches(ci: CiEnvironment): string[] {
  return ci.defaultBranch ? [ci.defaultBranch] : FALLBACK_DEFAULT_BRANCHES;
}
