import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DetectedNodeVersion, detectNodeVersion } from "./detect-version";
import { type PackageJson, readPackageJson } from "./package-json";
import { detectPackageManager, type PackageManager } from "./package-manager";
import { workspaceGlobs } from "./workspaces";

/** Everything lang/node reads from a repository; Detect and Plan both start from it. */
export interface NodeRepo {
  pkg?: PackageJson;
  version: DetectedNodeVersion;
  pm: PackageManager;
  workspaces: string[];
}

/** Files whose presence says the repository is a Node.js project (lock files come with package.json). */
export const NODE_MARKERS = ["package.json", ".nvmrc", ".node-version"];

/** Whether the repository root is a Node.js project. */
export function isNodeRepo(root: string): boolean {
  return NODE_MARKERS.some((f) => existsSync(join(root, f)));
}

export function readNodeRepo(root: string): NodeRepo {
  const pkg = readPackageJson(root);
  return {
    pkg,
    version: detectNodeVersion(root, pkg),
    pm: detectPackageManager(root, pkg),
    workspaces: workspaceGlobs(root, pkg),
  };
}

/** The version and manager config files and lock files the setup depends on, for signatures and caches. */
export function signatureFiles(repo: NodeRepo): string[] {
  return [
    ...new Set([
      ...repo.version.files,
      ...(repo.pkg ? ["package.json"] : []),
      ...repo.pm.configFiles,
      ...repo.pm.lockFiles,
    ]),
  ];
}

/** The manager as signature value and cache key part: "pnpm@9.1.0", "yarn", "bun@1". */
export function managerLabel(pm: PackageManager, separator: "@" | "-"): string {
  return pm.version ? `${pm.name}${separator}${pm.version}` : pm.name;
}
