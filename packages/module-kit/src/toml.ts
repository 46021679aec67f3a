import type { SourceLocation } from "@cigen/protocol";
import { parse } from "smol-toml";
import { evidence, readRepoFile } from "./repo-files";

/** A parsed TOML file of the repository, with its text for locating evidence. */
export interface TomlFile {
  file: string;
  content: string;
  data: Record<string, unknown>;
}

/**
 * Reads and parses a repository TOML file: undefined when the file does not exist, `{ error }`
 * when it does not parse (a module warns about that rather than failing).
 */
export function readToml(root: string, file: string): { toml: TomlFile } | { error: string } | undefined {
  const content = readRepoFile(root, file);
  if (content === undefined) return undefined;
  try {
    return { toml: { file, content, data: parse(content) as Record<string, unknown> } };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] };
  }
}

/** The value at a key path (["project", "requires-python"]), or undefined. */
export function tomlValue(toml: TomlFile, path: readonly string[]): unknown {
  let node: unknown = toml.data;
  for (const key of path) {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A string value at a key path with the position of its value in the file, or undefined. */
export function tomlString(toml: TomlFile, path: readonly string[]): { value: string; at: SourceLocation } | undefined {
  const value = tomlValue(toml, path);
  return typeof value === "string" ? { value, at: tomlEvidence(toml, path) } : undefined;
}

const BARE_OR_QUOTED = `(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')`;
const KEY_LINE = new RegExp(String.raw`^\s*(${BARE_OR_QUOTED}(?:\s*\.\s*${BARE_OR_QUOTED})*)\s*=\s*`);
const HEADER_LINE = new RegExp(String.raw`^\s*\[\[?\s*(${BARE_OR_QUOTED}(?:\s*\.\s*${BARE_OR_QUOTED})*)\s*\]\]?`);

/**
 * Where a key path is written: the start of its value on the line that sets it, whether as
 * `[a.b]` + `c = ...`, `[a]` + `b.c = ...` or a top-level `a.b.c = ...`. smol-toml keeps no
 * positions, so the text is scanned line by line (multi-line strings that look like keys could
 * mislead it; evidence is a pointer for people, not data). Falls back to the line that opens the
 * nearest enclosing table or inline table, then to the file as a whole.
 */
export function tomlEvidence(toml: TomlFile, path: readonly string[]): SourceLocation {
  const lines = toml.content.split("\n");
  let table: string[] = [];
  let offset = 0;
  let best: { depth: number; offset: number } = { depth: 0, offset: -1 };
  for (const line of lines) {
    const header = HEADER_LINE.exec(line);
    if (header) {
      table = keyParts(header[1]);
      const depth = sharedPrefix(table, path);
      if (depth === table.length && depth > best.depth) best = { depth, offset: offset + line.indexOf("[") };
    } else {
      const key = KEY_LINE.exec(line);
      if (key) {
        const full = [...table, ...keyParts(key[1])];
        const depth = sharedPrefix(full, path);
        if (depth === path.length && full.length === path.length)
          return evidence(toml.file, toml.content, offset + key[0].length);
        // An inline table (`toolchain = { channel = "..." }`) holding the path: point at the key inside it.
        if (depth === full.length && depth > best.depth) {
          const inner = line.indexOf(path[depth], key[0].length);
          best = { depth, offset: offset + (inner === -1 ? key[0].length : inner) };
        }
      }
    }
    offset += line.length + 1;
  }
  return best.offset === -1 ? evidence(toml.file) : evidence(toml.file, toml.content, best.offset);
}

function keyParts(dotted: string): string[] {
  const parts = dotted.match(new RegExp(BARE_OR_QUOTED, "g")) ?? [];
  return parts.map((p) => (p.startsWith('"') || p.startsWith("'") ? p.slice(1, -1) : p));
}

function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
