import {
  type DetectedVersion,
  evidence,
  readRepoFile,
  readToml,
  type TomlFile,
  tomlString,
  toolVersionsEntry,
  VersionSources,
  versionFileEntry,
  warning,
} from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { RustCodes } from "./codes";
import { RELEASE, TOOLCHAIN } from "./toolchain-name";

const MSRV = "Cargo.toml rust-version";

/** The toolchain when nothing pins one. */
export const DEFAULT_RUST_VERSION = "stable";

/** The toolchain: what to set up as written ("1.77.0", "1.77", "stable", "nightly-2024-02-01"), from "rust-toolchain.toml", "Cargo.toml rust-version"... or "default". */
export interface RustVersion extends DetectedVersion {
  /** The minimum supported Rust version from Cargo.toml, when stated. */
  msrv?: string;
}

/**
 * The toolchain from its sources in priority order: the legacy `rust-toolchain` file (rustup reads
 * it before rust-toolchain.toml when both exist), rust-toolchain.toml `[toolchain] channel`,
 * .tool-versions `rust`, Cargo.toml `package.rust-version` (or `workspace.package.rust-version`).
 * The last is the MSRV, a minimum: it is set up only when nothing else names a toolchain (CI then
 * proves the MSRV claim), and it agrees with any release at or above it and with named channels.
 */
export function detectRustVersion(root: string, names: ReadonlySet<string>, cargo: TomlFile | undefined): RustVersion {
  const sources = new VersionSources({
    tool: "rust",
    fallback: DEFAULT_RUST_VERSION,
    codes: RustCodes,
    unusable: "no toolchain",
    hint: 'write a release ("1.77.0", "1.77") or a channel ("stable", "nightly", "nightly-2024-02-01")',
  });
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined, minimum = false) =>
    sources.consider(source, found, (version) => {
      if (!TOOLCHAIN.test(version) || (minimum && !RELEASE.test(version))) return undefined;
      return { compare: minimum ? `>=${version}` : version, setup: version };
    });
  for (const file of ["rust-toolchain", "rust-toolchain.toml"]) {
    if (names.has(file)) consider(file, toolchainFile(root, file, sources.diagnostics));
  }
  const toolVersions = names.has(".tool-versions") ? toolVersionsEntry(root, ["rust"]) : undefined;
  consider(".tool-versions", toolVersions && { value: toolVersions.version, at: toolVersions.at });
  const msrv =
    cargo &&
    (tomlString(cargo, ["package", "rust-version"]) ?? tomlString(cargo, ["workspace", "package", "rust-version"]));
  consider(MSRV, msrv, true);
  // A channel name is no release number: "stable" cannot be compared with an MSRV, and always meets it.
  const { findings } = sources;
  const [first] = findings;
  const channelWins = first !== undefined && first.source !== MSRV && !RELEASE.test(first.version);
  const comparable = channelWins ? findings.filter((f) => f.source !== MSRV) : findings;
  return {
    ...sources.pick(comparable),
    msrv: msrv && RELEASE.test(msrv.value) ? msrv.value : undefined,
  };
}

/**
 * The channel a toolchain file names: `[toolchain] channel` in TOML (rust-toolchain.toml, and a
 * legacy rust-toolchain written in TOML), else the legacy file's single line.
 */
function toolchainFile(
  root: string,
  file: string,
  diagnostics: Diagnostic[],
): { value: string; at: SourceLocation } | undefined {
  const content = readRepoFile(root, file);
  if (content === undefined) return undefined;
  if (file === "rust-toolchain" && !/^\s*\[toolchain\]/m.test(content)) return versionFileEntry(root, file);
  const read = readToml(root, file);
  if (read && "error" in read) {
    diagnostics.push(
      warning(
        RustCodes.UNREADABLE_FILE,
        `${file} is not valid TOML (${read.error}); the toolchain it may name is ignored`,
        `fix ${file}`,
        evidence(file),
      ),
    );
    return undefined;
  }
  if (!read) return undefined;
  const channel = tomlString(read.toml, ["toolchain", "channel"]);
  if (channel) return channel;
  // `path = "..."` names a custom toolchain; say so rather than silently falling through.
  const path = tomlString(read.toml, ["toolchain", "path"]);
  return path && { value: `path = ${path.value}`, at: path.at };
}
