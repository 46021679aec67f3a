import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { ConfigPath } from "./config-types";

/** A 1-based position in the config file. */
export interface Position {
  line: number;
  column: number;
}

interface Found {
  key?: Node;
  value?: Node;
  /** How many path segments were matched (less than the path length when it does not exist). */
  matched: number;
}

/**
 * Answers "where in the file is this path?" from the parsed YAML document. Lookups walk the path
 * (O(depth)); a missing path falls back to its nearest existing ancestor, so a diagnostic always
 * has a position.
 */
export class YamlLocator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    private readonly text: string,
  ) {}

  /** The key of a mapping entry (for a string last segment) or the item (for an index). */
  locate(path: ConfigPath): Position {
    const found = this.find(path);
    const node = found.matched === path.length && found.key ? found.key : found.value;
    return this.position(node);
  }

  /** The value at path (falls back like locate). */
  locateValue(path: ConfigPath): Position {
    const found = this.find(path);
    return this.position(found.value ?? found.key);
  }

  /**
   * The position of the `{{` that starts at valueIndex in the string value at path. The value's
   * characters and the source's differ (quotes, escapes, block indentation), but both hold the
   * same sequence of `{{`, so the n-th one in the value is the n-th one in the source.
   */
  locateReference(path: ConfigPath, value: string, valueIndex: number): Position {
    const found = this.find(path);
    const node = found.matched === path.length ? found.value : undefined;
    if (!node?.range) return this.locateValue(path);
    const nth = countOpenings(value.slice(0, valueIndex));
    const source = this.text.slice(node.range[0], node.range[1]);
    let at = -2;
    for (let i = 0; i <= nth; i++) {
      at = source.indexOf("{{", at + 2);
      if (at < 0) return this.position(node);
    }
    const { line, col } = this.lineCounter.linePos(node.range[0] + at);
    return { line, column: col };
  }

  /** The scalar exactly as written (so `3.10` stays "3.10", not 3.1); undefined for non-plain scalars. */
  scalarSource(path: ConfigPath): string | undefined {
    const found = this.find(path);
    const node = found.matched === path.length ? found.value : undefined;
    if (!isScalar(node) || node.type !== "PLAIN" || !node.range) return undefined;
    return this.text.slice(node.range[0], node.range[1]).trim();
  }

  private position(node: Node | undefined): Position {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  private find(path: ConfigPath): Found {
    let current: Found = { value: this.doc.contents ?? undefined, matched: 0 };
    for (const segment of path) {
      const next = this.child(current.value, segment);
      if (!next) return current;
      current = { ...next, matched: current.matched + 1 };
    }
    return current;
  }

  private child(parent: Node | undefined, segment: string | number, hops = 0): Omit<Found, "matched"> | undefined {
    const node = isAlias(parent) ? (parent.resolve(this.doc) as Node | undefined) : parent;
    if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      return item ? { value: item } : undefined;
    }
    if (!isMap(node)) return undefined;
    for (const pair of node.items) {
      const key = pair.key as Node;
      if (isScalar(key) && String(key.value) === String(segment)) return { key, value: pair.value as Node };
    }
    // Keys brought in by a `<<: *anchor` merge live in the anchored mapping.
    for (const pair of node.items) {
      if (hops < 8 && isScalar(pair.key) && isMergeKey(pair.key.value)) {
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const found = this.child(source as Node, segment, hops + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }
}

function countOpenings(text: string): number {
  let count = 0;
  for (let at = text.indexOf("{{"); at >= 0; at = text.indexOf("{{", at + 2)) count++;
  return count;
}

/** The parser represents `<<` as a symbol when merge keys are enabled. */
function isMergeKey(value: unknown): boolean {
  return value === "<<" || typeof value === "symbol";
}
