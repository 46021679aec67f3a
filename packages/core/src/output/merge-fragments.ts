import { type Fragment, FragmentFormat, MergeStrategy } from "@cigen/protocol";
import { parse, stringify } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { RenderedFile } from "./rendered-file";

/** A fragment with the plugin it came from. */
export interface SourcedFragment {
  fragment: Fragment;
  provider: string;
  plugin: string;
}

/**
 * Merges fragments per path: REPLACE keeps the last by order, MERGE deep-merges YAML/JSON
 * documents, APPEND concatenates by order. Output is sorted by path so it never depends on which
 * plugin answered first.
 */
export function mergeFragments(fragments: readonly SourcedFragment[]): {
  files: RenderedFile[];
  diagnostics: Diagnostic[];
} {
  const byPath = new Map<string, SourcedFragment[]>();
  for (const f of fragments) {
    const list = byPath.get(f.fragment.path) ?? [];
    list.push(f);
    byPath.set(f.fragment.path, list);
  }
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of [...byPath.keys()].sort()) {
    const parts = byPath
      .get(path)!
      .sort((a, b) => a.fragment.order - b.fragment.order || a.plugin.localeCompare(b.plugin));
    try {
      files.push({ path, provider: parts[0].provider, content: mergeOne(parts.map((p) => p.fragment)) });
    } catch (e) {
      diagnostics.push({
        severity: "error",
        code: "CIGEN-OUTPUT-001",
        plugin: parts.map((p) => p.plugin).join(", "),
        message: `fragments for ${path} could not be merged: ${(e as Error).message}`,
        hint: "a MERGE fragment must hold a YAML or JSON mapping; report this to the plugin's authors",
      });
    }
  }
  return { files, diagnostics };
}

function mergeOne(parts: Fragment[]): string {
  let content = "";
  let document: unknown;
  for (const part of parts) {
    if (part.strategy === MergeStrategy.APPEND) {
      content += part.content;
    } else if (part.strategy === MergeStrategy.MERGE) {
      const value = part.format === FragmentFormat.JSON ? JSON.parse(part.content) : parse(part.content);
      document = document === undefined ? value : deepMergeValues(document, value);
      content =
        part.format === FragmentFormat.JSON
          ? `${JSON.stringify(document, null, 2)}\n`
          : stringify(document, { lineWidth: 0 });
    } else {
      content = part.content;
      document = undefined;
    }
  }
  return content;
}

function deepMergeValues(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMergeValues(out[k], v) : v;
  return out;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
