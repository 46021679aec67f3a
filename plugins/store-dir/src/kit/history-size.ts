/**
 * How many records `history` returns at most per job. `cigen explain` needs only the last few
 * successful runs; a bound keeps the redis history set and the records read per call small.
 */
export const HISTORY_CAP = 50;

/** The number of records to return for a requested limit (0 = the store's default, the cap). */
export function historyLimit(requested: number): number {
  return requested <= 0 ? HISTORY_CAP : Math.min(requested, HISTORY_CAP);
}

/**
 * The entries worth reading for a history of `limit` records, chosen by a cheap timestamp (a file's
 * mtime, an object's LastModified) before any record is read: the newest `limit`, plus every entry
 * within `marginMs` of the last one chosen, because such timestamps can tie (S3 has 1 s precision)
 * or lag recorded_at slightly. The caller reads these, orders them by recorded_at and keeps `limit`.
 */
export function newestCandidates<T extends { time: number }>(entries: readonly T[], limit: number, marginMs = 0): T[] {
  const sorted = [...entries].sort((a, b) => b.time - a.time);
  if (sorted.length <= limit) return sorted;
  const cutoff = sorted[limit - 1]!.time - marginMs;
  return sorted.filter((e) => e.time >= cutoff);
}
