import {
  pickVersion,
  toolVersionsEntry,
  type VersionFinding,
  versionFileEntry,
  versionLine,
  warning,
} from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { NodeCodes } from "./codes";
import { type PackageJson, stringField } from "./package-json";

/** Node's version when nothing pins one: the active LTS line. */
export const DEFAULT_NODE_VERSION = "22";

export interface DetectedNodeVersion {
  /** What to set up: "20.11.1", "20", "lts/*" (see setupVersion). */
  version: string;
  /** The winning source (".nvmrc", "package.json engines.node") or "default". */
  source: string;
  at?: SourceLocation;
  /** Files that stated a usable version, for signatures. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Node's version from its sources in priority order: .nvmrc, .node-version, .tool-versions,
 * package.json `volta.node`, package.json `engines.node`. The first wins; the others are checked
 * against it (pickVersion warns, naming both places).
 */
export function detectNodeVersion(root: string, pkg: PackageJson | undefined): DetectedNodeVersion {
  const diagnostics: Diagnostic[] = [];
  const findings: VersionFinding[] = [];
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined) => {
    if (!found) return;
    const version = found.value.trim().replace(/^v(?=\d)/, "");
    if (setupVersion(version) === undefined) {
      diagnostics.push(unusable(source, found.value, found.at));
      return;
    }
    findings.push({ version, source, at: found.at });
  };
  consider(".nvmrc", versionFileEntry(root, ".nvmrc"));
  consider(".node-version", versionFileEntry(root, ".node-version"));
  const toolVersions = toolVersionsEntry(root, ["nodejs", "node"]);
  consider(".tool-versions", toolVersions && { value: toolVersions.version, at: toolVersions.at });
  if (pkg) {
    consider("package.json volta.node", stringField(pkg, ["volta", "node"]));
    consider("package.json engines.node", stringField(pkg, ["engines", "node"]));
  }
  const picked = pickVersion("node", findings, DEFAULT_NODE_VERSION, {
    conflict: NodeCodes.VERSION_CONFLICT,
    defaulted: NodeCodes.VERSION_DEFAULTED,
  });
  return {
    version: setupVersion(picked.version) ?? DEFAULT_NODE_VERSION,
    source: picked.source,
    at: picked.at,
    files: [...new Set(findings.map((f) => f.at.file))],
    diagnostics: [...diagnostics, ...picked.diagnostics],
  };
}

/**
 * The version string setup-node, the official images and the install script all understand:
 * a version or prefix as written ("20.11.1", "20"), a range's lowest release line (">=20" -> "20",
 * "^20.11.0" -> "20.11"; see versionLine), or an nvm alias ("lts/*", "lts/iron", "node"; "stable"
 * and "latest" are read as "node"). Undefined for anything else ("system", "*").
 */
export function setupVersion(statement: string): string | undefined {
  const alias = statement.trim().toLowerCase();
  if (/^lts\/(\*|[a-z]+)$/.test(alias)) return alias;
  if (["node", "stable", "latest", "current"].includes(alias)) return "node";
  return versionLine(statement);
}

/** The official image for a setup version ("node:20.11.1", "node:lts", "node:iron", "node:current"). */
export function nodeImage(version: string): string {
  if (version === "lts/*") return "node:lts";
  if (version.startsWith("lts/")) return `node:${version.slice(4)}`;
  if (version === "node") return "node:current";
  return `node:${version}`;
}

function unusable(source: string, value: string, at: SourceLocation): Diagnostic {
  return warning(
    NodeCodes.VERSION_UNUSABLE,
    `${source} says "${value}", which names no Node.js version to set up; it is ignored`,
    'write a version ("20.11.1"), a major ("20"), a range with a lower bound (">=20") or "lts/*"',
    at,
  );
}
