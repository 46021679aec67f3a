/**
 * Codes of the problems the dir store reports, sorted. Stable: users search for them, so a retired
 * code is never reused for a different problem. Problems every store shares are in ./kit/codes.ts.
 */
export const DirCodes = {
  /** skip_store has no `path`. */
  PATH_MISSING: "STORE-DIR-001",
  /** The store's folder cannot be created, read or written (permissions, a file in the way). */
  UNUSABLE_PATH: "STORE-DIR-002",
  /** `prefix` would leave the store's folder (absolute, or a `..` segment). */
  PREFIX_OUTSIDE: "STORE-DIR-003",
} as const;
