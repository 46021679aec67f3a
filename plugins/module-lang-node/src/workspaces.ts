import { readRepoFile } from "@cigen/module-kit";
import type { PackageJson } from "./package-json";

/**
 * The workspace globs of a monorepo ("packages/*", "!**\/test/**"): pnpm's pnpm-workspace.yaml
 * `packages:` list, else package.json `workspaces` (npm, yarn and bun; an array, or yarn's
 * `{ packages: [...] }`). Empty for a single package.
 */
export function workspaceGlobs(root: string, pkg: PackageJson | undefined): string[] {
  const pnpm = readRepoFile(root, "pnpm-workspace.yaml");
  if (pnpm !== undefined) return yamlPackagesList(pnpm);
  const field = pkg?.data.workspaces;
  const list = Array.isArray(field)
    ? field
    : field && typeof field === "object"
      ? (field as Record<string, unknown>).packages
      : undefined;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === "string") : [];
}

/**
 * The `packages:` block list of pnpm-workspace.yaml. Read line by line rather than with a YAML
 * library: the file's shape is fixed (a top-level key holding a list of quoted or plain strings),
 * and its other keys (catalogs, settings) do not matter here.
 */
function yamlPackagesList(text: string): string[] {
  const globs: string[] = [];
  let inList = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+#.*$/, "").trimEnd();
    if (/^packages:\s*$/.test(line)) {
      inList = true;
      continue;
    }
    const flow = /^packages:\s*\[(.*)\]$/.exec(line);
    if (flow) return flow[1].split(",").map(unquote).filter(Boolean);
    if (!inList || line.trim() === "" || line.trim().startsWith("#")) continue;
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (!item) {
      if (!/^\s/.test(line)) inList = false;
      continue;
    }
    globs.push(unquote(item[1]));
  }
  return globs;
}

function unquote(value: string): string {
  return value.trim().replace(/^(['"])(.*)\1$/, "$2");
}
