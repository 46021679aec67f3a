import { evidence, readRepoFile } from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";

/** The root package.json: its parsed content and its text, for evidence positions. */
export interface PackageJson {
  data: Record<string, unknown>;
  text: string;
}

/** The repository's package.json, or undefined when it is missing or not a JSON object. */
export function readPackageJson(root: string): PackageJson | undefined {
  const text = readRepoFile(root, "package.json");
  if (text === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === "object" && !Array.isArray(data)
      ? { data: data as Record<string, unknown>, text }
      : undefined;
  } catch {
    return undefined;
  }
}

/** A string field at `path` ("volta", "node"), with where its value is written. */
export function stringField(
  pkg: PackageJson,
  path: readonly string[],
): { value: string; at: SourceLocation } | undefined {
  let node: unknown = pkg.data;
  for (const key of path) {
    node =
      node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (typeof node !== "string") return undefined;
  return { value: node, at: locate(pkg.text, path) };
}

/**
 * Where the value of `path` starts: each key is searched after the previous one, which is right for
 * the usual package.json (keys are unique enough) and falls back to the whole file otherwise. The
 * value itself comes from JSON.parse, so a wrong position can never give a wrong value.
 */
function locate(text: string, path: readonly string[]): SourceLocation {
  let from = 0;
  for (const key of path) {
    const pattern = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\s*:\\s*`, "g");
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) return evidence("package.json");
    from = match.index + match[0].length;
  }
  return evidence("package.json", text, text[from] === '"' ? from + 1 : from);
}
