import { MAX_DEPTH } from "./parse-yaml";

/**
 * Whether a value js-yaml produced may differ from what the exact `yaml` path would answer, in
 * which case the caller reparses with `yaml`. One iterative walk (no recursion: 10,000 levels of
 * nesting do not overflow the stack), stopping at the first reason:
 * - a collection deeper than MAX_DEPTH (the exact path reports where);
 * - more nodes than the text has characters: only shared values can do that. js-yaml shares an
 *   alias's value instead of copying it, so an alias bomb is a few shared arrays here, and the
 *   walk stops long before expanding it. (parseFast already sent every document with an anchor
 *   to the exact path; this bound is the safety net that keeps the walk linear regardless);
 * - a key `yaml` may spell differently or refuse: "null" (a null key is "" there), "", one with a
 *   comma or "[object Object]" (a collection used as a key), one longer than 100 characters
 *   (`yaml` refuses implicit keys over 1024 characters of source, escapes included).
 * A Set of visited objects would find sharing directly, but cost ~30 ms (cold) on the 1000-job
 * bench config; counting is free.
 */
export function needsExactPath(root: unknown, textLength: number): boolean {
  const stack: unknown[] = [root];
  const depths: number[] = [0];
  let budget = textLength + 1;
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (--budget < 0) return true;
    if (node === null || typeof node !== "object") continue;
    if (depth > MAX_DEPTH) return true;
    if (Array.isArray(node)) {
      for (const item of node) {
        stack.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in node) {
      if (suspiciousKey(key)) return true;
      stack.push((node as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return false;
}

function suspiciousKey(key: string): boolean {
  return key === "null" || key === "" || key.length > 100 || key.includes(",") || key === "[object Object]";
}
