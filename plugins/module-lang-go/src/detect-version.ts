import { type DetectedVersion, toolVersionsEntry, VersionSources, versionFileEntry } from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";
import { GoCodes } from "./codes";
import { compareReleases, type GoMod } from "./go-mod";

/** Go's version when nothing pins one. */
export const DEFAULT_GO_VERSION = "1.23";

/** A Go release as setup-go, the golang images and go.dev/dl name it, without "go": "1.22", "1.22.1". */
export const RELEASE = /^\d+\.\d+(\.\d+)?$/;

/** Go's version: what to set up as its source writes it ("1.22.1", "1.22"), from "go.mod toolchain", ".go-version"... or "default". */
export type GoVersion = DetectedVersion;

/**
 * Go's version from its sources in priority order: go.mod `toolchain` (when newer than the `go`
 * line; the go command ignores an older one), .go-version, .tool-versions (`golang` or `go`),
 * go.mod `go`. The `go` line comes last because it states the oldest Go that may build the module,
 * not the one to use: a pin of 1.22.5 beside `go 1.22.0` agrees with it, and `go 1.21` beside a
 * pin of 1.20 is warned about (the go command would fetch a newer toolchain itself).
 */
export function detectGoVersion(root: string, names: ReadonlySet<string>, goMod: GoMod | undefined): GoVersion {
  const sources = new VersionSources({
    tool: "go",
    fallback: DEFAULT_GO_VERSION,
    codes: GoCodes,
    unusable: "no Go release",
    hint: 'write a release such as "1.22" or "1.22.1"',
  });
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined, minimum = false) =>
    sources.consider(source, found, (statement) => {
      const version = statement.replace(/^go(?=\d)/, "");
      if (!RELEASE.test(version)) return undefined;
      return { compare: minimum ? `>=${version}` : version, setup: version };
    });
  const { go, toolchain } = goMod ?? {};
  if (toolchain && (!go || !RELEASE.test(go.value) || compareReleases(toolchain.value, go.value) > 0)) {
    consider("go.mod toolchain", toolchain);
  }
  if (names.has(".go-version")) consider(".go-version", versionFileEntry(root, ".go-version"));
  const toolVersions = names.has(".tool-versions") ? toolVersionsEntry(root, ["golang", "go"]) : undefined;
  consider(".tool-versions", toolVersions && { value: toolVersions.version, at: toolVersions.at });
  consider("go.mod go", go, true);
  return sources.pick();
}
