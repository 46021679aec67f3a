/** Diagnostic codes of the lang/python module. Stable: users search for them and silence them. */
export const PythonCodes = {
  /** Two version sources disagree; the first in priority order is used. */
  VERSION_CONFLICT: "PY-001",
  /** No version source; the default version is used. */
  VERSION_DEFAULTED: "PY-002",
  /** A version source holds something that names no CPython version to set up; it is ignored. */
  VERSION_UNUSABLE: "PY-003",
  /** pyproject.toml or Pipfile is not valid TOML; what it would say is ignored. */
  UNREADABLE_FILE: "PY-004",
  /** Lock files of several package managers; one is picked. */
  SEVERAL_LOCK_FILES: "PY-005",
  /** A `uses: lang/python` step has a `with:` input this module does not know. */
  UNKNOWN_INPUT: "PY-006",
  /** A `uses: lang/python` step's `with: version` is not a version; the detected one is used. */
  BAD_INPUT_VERSION: "PY-007",
} as const;
