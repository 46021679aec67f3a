import {
  type DetectedVersion,
  toolVersionsEntry,
  VersionSources,
  versionFileEntry,
  versionLine,
} from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";
import { NodeCodes } from "./codes";
import { type PackageJson, stringField } from "./package-json";

/** Node's version when nothing pins one: the active LTS line. */
export const DEFAULT_NODE_VERSION = "22";

/** Node's version: what to set up ("20.11.1", "20", "lts/*"; see setupVersion), from ".nvmrc", "package.json engines.node"... or "default". */
export type DetectedNodeVersion = Omit<DetectedVersion, "stated">;

/**
 * Node's version from its sources in priority order: .nvmrc, .node-version, .tool-versions,
 * package.json `volta.node`, package.json `engines.node`. The first wins; the others are checked
 * against it (pickVersion warns, naming both places).
 */
export function detectNodeVersion(root: string, pkg: PackageJson | undefined): DetectedNodeVersion {
  const sources = new VersionSources({
    tool: "node",
    fallback: DEFAULT_NODE_VERSION,
    codes: NodeCodes,
    unusable: "no Node.js version",
    hint: 'write a version ("20.11.1"), a major ("20"), a range with a lower bound (">=20") or "lts/*"',
  });
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined) =>
    sources.consider(source, found, (statement) => {
      const version = statement.replace(/^v(?=\d)/, "");
      const setup = setupVersion(version);
      return setup === undefined ? undefined : { compare: version, setup };
    });
  consider(".nvmrc", versionFileEntry(root, ".nvmrc"));
  consider(".node-version", versionFileEntry(root, ".node-version"));
  const toolVersions = toolVersionsEntry(root, ["nodejs", "node"]);
  consider(".tool-versions", toolVersions && { value: toolVersions.version, at: toolVersions.at });
  if (pkg) {
    consider("package.json volta.node", stringField(pkg, ["volta", "node"]));
    consider("package.json engines.node", stringField(pkg, ["engines", "node"]));
  }
  const { version, source, at, files, diagnostics } = sources.pick();
  return { version, source, at, files, diagnostics };
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
