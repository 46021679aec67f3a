/** Diagnostic codes of the lang/rust module. Stable: users search for them and silence them. */
export const RustCodes = {
  /** Two version sources disagree; the first in priority order is used. */
  VERSION_CONFLICT: "RUST-001",
  /** No version source; the default toolchain is used. */
  VERSION_DEFAULTED: "RUST-002",
  /** A version source holds something that names no toolchain rustup can install by name; it is ignored. */
  VERSION_UNUSABLE: "RUST-003",
  /** Cargo.toml or a rust-toolchain file is not valid TOML; what it would say is ignored. */
  UNREADABLE_FILE: "RUST-004",
  /** A `uses: lang/rust` step has a `with:` input this module does not know. */
  UNKNOWN_INPUT: "RUST-005",
  /** A `uses: lang/rust` step's `with: version` names no toolchain; the detected one is used. */
  BAD_INPUT_VERSION: "RUST-006",
} as const;
