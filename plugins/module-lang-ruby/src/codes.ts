/** Diagnostic codes of the lang/ruby module. Stable: users search for them and silence them. */
export const RubyCodes = {
  /** Two version sources disagree; the first in priority order is used. */
  VERSION_CONFLICT: "RUBY-001",
  /** No version source; the default version is used. */
  VERSION_DEFAULTED: "RUBY-002",
  /** A version source holds something that names no CRuby version to set up; it is ignored. */
  VERSION_UNUSABLE: "RUBY-003",
  /** No Gemfile.lock: the install cannot be frozen and resolves gem versions afresh on every run. */
  NO_LOCK_FILE: "RUBY-004",
  /** A `uses: lang/ruby` step has a `with:` input this module does not know. */
  UNKNOWN_INPUT: "RUBY-005",
  /** A `uses: lang/ruby` step's `with: version` is not a version; the detected one is used. */
  BAD_INPUT_VERSION: "RUBY-006",
} as const;
