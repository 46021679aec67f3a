/** Diagnostic codes of the lang/go module. Stable: users search for them and silence them. */
export const GoCodes = {
  /** Two version sources disagree; the first in priority order is used. */
  VERSION_CONFLICT: "GO-001",
  /** No version source; the default version is used. */
  VERSION_DEFAULTED: "GO-002",
  /** A version source holds something that names no Go release to set up; it is ignored. */
  VERSION_UNUSABLE: "GO-003",
  /** A `uses: lang/go` step has a `with:` input this module does not know. */
  UNKNOWN_INPUT: "GO-004",
  /** A `uses: lang/go` step's `with: version` is not a version; the detected one is used. */
  BAD_INPUT_VERSION: "GO-005",
} as const;
