/**
 * Orders strings by Unicode code point, which is the byte order of their UTF-8 form: the order git
 * keeps its index in. Plain `<` compares UTF-16 code units, which puts characters above U+FFFF
 * (surrogate pairs) before U+E000..U+FFFF; this comparator does not, so paths sort the same way
 * whether they came from git or from the work tree.
 */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointKey(x) - codePointKey(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (0xD800..0xDFFF) above the rest of the BMP, where their code points belong. */
function codePointKey(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

/** The first index in the sorted `paths` (within `[lo, hi)`) whose path is not before `key`. */
export function lowerBound(paths: readonly string[], key: string, lo = 0, hi = paths.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePaths(paths[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `paths` is already in `comparePaths` order (git's output is; checking is cheaper than sorting). */
export function isSorted(paths: readonly string[]): boolean {
  for (let i = 1; i < paths.length; i++) if (comparePaths(paths[i - 1], paths[i]) > 0) return false;
  return true;
}
