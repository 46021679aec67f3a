import { pickVersion, toolVersionsEntry, type VersionFinding, versionFileEntry, warning } from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { GoCodes } from "./codes";
import { compareReleases, type GoMod } from "./go-mod";

/** Go's version when nothing pins one. */
export const DEFAULT_GO_VERSION = "1.23";

/** A Go release as setup-go, the golang images and go.dev/dl name it, without "go": "1.22", "1.22.1". */
export const RELEASE = /^\d+\.\d+(\.\d+)?$/;

export interface GoVersion {
  /** What to set up, as written by its source ("1.22.1", "1.22"). */
  version: string;
  /** The winning source ("go.mod toolchain", ".go-version") or "default". */
  source: string;
  at?: SourceLocation;
  /** Every usable source as written in its file, for signals ("^3.11", "1.22.1"). */
  stated: { source: string; value: string; at: SourceLocation }[];
  /** Files that stated a usable version, for signatures. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Go's version from its sources in priority order: go.mod `toolchain` (when newer than the `go`
 * line; the go command ignores an older one), .go-version, .tool-versions (`golang` or `go`),
 * go.mod `go`. The `go` line comes last because it states the oldest Go that may build the module,
 * not the one to use: a pin of 1.22.5 beside `go 1.22.0` agrees with it, and `go 1.21` beside a
 * pin of 1.20 is warned about (the go command would fetch a newer toolchain itself).
 */
export function detectGoVersion(root: string, names: ReadonlySet<string>, goMod: GoMod | undefined): GoVersion {
  const diagnostics: Diagnostic[] = [];
  const findings: VersionFinding[] = [];
  const setupVersions = new Map<string, string>();
  const stated: GoVersion["stated"] = [];
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined, minimum = false) => {
    if (!found) return;
    const version = found.value.trim().replace(/^go(?=\d)/, "");
    if (!RELEASE.test(version)) {
      diagnostics.push(
        warning(
          GoCodes.VERSION_UNUSABLE,
          `${source} says "${found.value}", which names no Go release to set up; it is ignored`,
          'write a release such as "1.22" or "1.22.1"',
          found.at,
        ),
      );
      return;
    }
    findings.push({ version: minimum ? `>=${version}` : version, source, at: found.at });
    stated.push({ source, value: found.value.trim(), at: found.at });
    setupVersions.set(source, version);
  };
  const { go, toolchain } = goMod ?? {};
  if (toolchain && (!go || !RELEASE.test(go.value) || compareReleases(toolchain.value, go.value) > 0)) {
    consider("go.mod toolchain", toolchain);
  }
  if (names.has(".go-version")) consider(".go-version", versionFileEntry(root, ".go-version"));
  const toolVersions = names.has(".tool-versions") ? toolVersionsEntry(root, ["golang", "go"]) : undefined;
  consider(".tool-versions", toolVersions && { value: toolVersions.version, at: toolVersions.at });
  consider("go.mod go", go, true);
  const picked = pickVersion("go", findings, DEFAULT_GO_VERSION, {
    conflict: GoCodes.VERSION_CONFLICT,
    defaulted: GoCodes.VERSION_DEFAULTED,
  });
  return {
    version: setupVersions.get(picked.source) ?? picked.version,
    source: picked.source,
    at: picked.at,
    stated,
    files: [...new Set(findings.map((f) => f.at.file))],
    diagnostics: [...diagnostics, ...picked.diagnostics],
  };
}
