/** An inclusive range of protocol versions. */
export interface Range {
  min: number;
  max: number;
}

/** The highest version in both ranges, or 0 when they do not overlap. */
export function negotiateVersion(ours: Range, theirs: Range): number {
  const top = Math.min(ours.max, theirs.max);
  return top >= Math.max(ours.min, theirs.min) ? top : 0;
}
