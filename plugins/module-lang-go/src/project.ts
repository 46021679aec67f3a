import { evidence } from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { detectGoVersion, type GoVersion } from "./detect-version";
import { type GoMod, readGoMod } from "./go-mod";

const GOLANGCI_CONFIGS = [".golangci.yml", ".golangci.yaml", ".golangci.toml", ".golangci.json"];

/** What the repository root says about Go; the same reading serves Detect and Plan. */
export interface GoProject {
  /** go.mod, undefined when the root has none (then the repository is no Go module). */
  goMod?: GoMod;
  version: GoVersion;
  /** go.sum when it exists: the module's lock file. */
  lockFiles: string[];
  /** The golangci-lint config, when there is one. */
  golangci?: SourceLocation;
  /** Lock and version files read, repository-relative, for work signatures. */
  signatureFiles: string[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the repository root, given the names of its files that a checkout has (rootFileNames).
 * Only a root go.mod makes a Go module here (the install and the suggested commands run at the
 * root); a go.work-only monorepo needs jobs per module.
 */
export function inspectGo(root: string, names: ReadonlySet<string>): GoProject {
  const goMod = names.has("go.mod") ? readGoMod(root) : undefined;
  const version = detectGoVersion(root, names, goMod);
  const lockFiles = names.has("go.sum") ? ["go.sum"] : [];
  const golangci = GOLANGCI_CONFIGS.find((f) => names.has(f));
  const manifests = goMod ? ["go.mod"] : [];
  return {
    goMod,
    version,
    lockFiles,
    golangci: golangci ? evidence(golangci) : undefined,
    signatureFiles: [...new Set([...manifests, ...lockFiles, ...version.files])].sort(),
    diagnostics: version.diagnostics,
  };
}

/** Suggested commands for `cigen init`. */
export function suggestedCommands(project: GoProject): { lint: string; test: string; build: string } {
  return {
    lint: project.golangci ? "golangci-lint run" : "go vet ./...",
    test: "go test ./...",
    build: "go build ./...",
  };
}
