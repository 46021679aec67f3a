import { evidence, readToml, type TomlFile, tomlValue, warning } from "@cigen/module-kit";
import type { Diagnostic } from "@cigen/protocol";
import { RustCodes } from "./codes";
import { detectRustVersion, type RustVersion } from "./detect-version";

/** What the repository root says about Rust; the same reading serves Detect and Plan. */
export interface RustProject {
  /** Cargo.toml exists at the root (a package or a workspace). */
  cargo: boolean;
  workspace: boolean;
  version: RustVersion;
  /** Cargo.lock when it exists. */
  lockFiles: string[];
  /** Lock, manifest and toolchain files read, repository-relative, for work signatures. */
  signatureFiles: string[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the repository root, given the names of its files that a checkout has (rootFileNames): a
 * root Cargo.toml makes it a Rust project (a package or a workspace). A Cargo.lock that
 * .gitignore keeps out (as libraries often do) is not there in CI, so it does not count.
 */
export function inspectRust(root: string, names: ReadonlySet<string>): RustProject {
  const diagnostics: Diagnostic[] = [];
  const read = names.has("Cargo.toml") ? readToml(root, "Cargo.toml") : undefined;
  if (read && "error" in read) {
    diagnostics.push(
      warning(
        RustCodes.UNREADABLE_FILE,
        `Cargo.toml is not valid TOML (${read.error}); the rust-version it may state is ignored`,
        "fix Cargo.toml",
        evidence("Cargo.toml"),
      ),
    );
  }
  const cargo: TomlFile | undefined = read && "toml" in read ? read.toml : undefined;
  const version = detectRustVersion(root, names, cargo);
  const lockFiles = names.has("Cargo.lock") ? ["Cargo.lock"] : [];
  const manifests = read ? ["Cargo.toml"] : [];
  return {
    cargo: read !== undefined,
    workspace: cargo !== undefined && tomlValue(cargo, ["workspace"]) !== undefined,
    version,
    lockFiles,
    signatureFiles: [...new Set([...manifests, ...lockFiles, ...version.files])].sort(),
    diagnostics: [...diagnostics, ...version.diagnostics],
  };
}

/** Suggested commands for `cigen init`: formatting and clippy as the lint, the test suite, a release build. */
export function suggestedCommands(): { lint: string; test: string; build: string } {
  return {
    lint: "cargo fmt --check && cargo clippy -- -D warnings",
    test: "cargo test",
    build: "cargo build --release",
  };
}
