import type { Diagnostic } from "../diagnostics/diagnostic";
import type { ConfigPath } from "./config-types";
import { parseFast } from "./fast-yaml";
import { LazyLocator } from "./lazy-locator";
import { needsExactPath } from "./needs-exact-path";
import { parseYaml } from "./parse-yaml";
import { YamlLocator } from "./yaml-locator";

/** What the config loader needs from the YAML text: plain data and a way back to the source. */
export interface ReadYaml {
  /** The document as plain JS; undefined when there are diagnostics. */
  value?: unknown;
  diagnostics: Diagnostic[];
  locator: Pick<YamlLocator, "locate" | "locateValue" | "locateReference">;
  /** A plain scalar exactly as written (`3.10` stays "3.10"); undefined for other nodes. */
  scalarSource(path: ConfigPath): string | undefined;
}

/**
 * Reads YAML text: js-yaml first (fast, no positions), the exact `yaml` path whenever js-yaml
 * cannot answer the same way (any error, aliases, absurd nesting...). Either way the value and
 * the diagnostics are the ones the `yaml` path gives; positions are computed only when asked.
 */
export function readYaml(text: string, file: string): ReadYaml {
  const fast = parseFast(text);
  if (fast && !needsExactPath(fast.value, text.length)) {
    const locator = new LazyLocator(text);
    const scalarSource = (path: ConfigPath) => {
      const value = valueAt(fast.value, path);
      const written = typeof value === "number" ? fast.numberSpellings.get(value) : undefined;
      // Only a number can be spelled another way; an ambiguous one asks the document.
      return written ?? locator.scalarSource(path);
    };
    return { value: fast.value, diagnostics: [], locator, scalarSource };
  }
  const parsed = parseYaml(text, file);
  const locator = new YamlLocator(parsed.doc, parsed.lineCounter, text);
  return {
    value: parsed.value,
    diagnostics: parsed.diagnostics,
    locator,
    scalarSource: (path) => locator.scalarSource(path),
  };
}

function valueAt(root: unknown, path: ConfigPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
