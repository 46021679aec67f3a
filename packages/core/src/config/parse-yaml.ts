import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Scalar,
} from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { ConfigCodes } from "./codes";

/** No real config nests this deep; refusing deeper documents keeps every recursive walker safe. */
export const MAX_DEPTH = 64;
/** Alias expansions allowed while converting to plain JS (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain JS; undefined when parsing failed. */
  value?: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML keeping source positions. Every failure (syntax, duplicate keys, alias bombs,
 * excessive nesting, parser stack overflows) becomes a diagnostic; nothing throws.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // The parser's own duplicate-key check compares every pair of keys (quadratic: minutes for a
  // 5 MB file); inspectNodes does it with a set per mapping instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((error) => ({
    severity: "error" as const,
    code: error.code === "DUPLICATE_KEY" ? ConfigCodes.DUPLICATE_KEY : ConfigCodes.YAML_SYNTAX,
    message: yamlMessage(error.code, error.message),
    hint: error.code === "DUPLICATE_KEY" ? "remove or rename one of the two keys" : undefined,
    ...at(error.pos[0]),
  }));
  if (diagnostics.length > 0) return { doc, lineCounter, diagnostics: dedupeByLine(diagnostics) };

  const { deep, duplicates } = inspectNodes(doc.contents);
  if (duplicates.length > 0) {
    const message = "duplicate key: a key may appear only once in a mapping";
    const hint = "remove or rename one of the two keys";
    const found = duplicates.map((key) => ({
      severity: "error" as const,
      code: ConfigCodes.DUPLICATE_KEY,
      message: `${message.replace("duplicate key", `duplicate key "${String(key.value)}"`)}`,
      hint,
      ...at(key.range?.[0] ?? 0),
    }));
    return { doc, lineCounter, diagnostics: found };
  }
  if (deep) {
    const message = `the document nests deeper than ${MAX_DEPTH} levels`;
    const hint = "a cigen.yml never needs this much nesting; check the file is the right one";
    const diagnostic = { severity: "error" as const, code: ConfigCodes.TOO_DEEP, message, hint };
    return { doc, lineCounter, diagnostics: [{ ...diagnostic, ...at(deep.range?.[0] ?? 0) }] };
  }
  try {
    return { doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics };
  } catch (error) {
    return { doc, lineCounter, diagnostics: [conversionFailure(error, at(0))] };
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return "duplicate key: a key may appear only once in a mapping";
  if (/Maximum call stack/.test(first)) return `the document nests too deeply to parse`;
  return `YAML syntax error: ${first}`;
}

/** One syntax error tends to cascade; the first per line is the useful one. */
function dedupeByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => {
    if (seen.has(d.line ?? 0)) return false;
    seen.add(d.line ?? 0);
    return true;
  });
}

function conversionFailure(error: unknown, where: { file: string; line: number; column: number }): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message)) {
    return {
      severity: "error",
      code: ConfigCodes.ALIAS_LIMIT,
      message: `YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes`,
      hint: "use fewer anchors/aliases (nested aliases multiply)",
      ...where,
    };
  }
  return {
    severity: "error",
    code: ConfigCodes.TOO_DEEP,
    message: `the document could not be read: ${message}`,
    ...where,
  };
}

/**
 * One iterative walk (no recursion, so no stack overflow) that finds the first node deeper than
 * MAX_DEPTH and every repeated scalar key of a mapping.
 */
function inspectNodes(root: unknown): { deep?: Node; duplicates: Scalar[] } {
  const duplicates: Scalar[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node) || isScalar(node) || node == null) continue;
    if (depth > MAX_DEPTH) return { deep: node as Node, duplicates };
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && typeof pair.key.value !== "symbol") {
          const key = String(pair.key.value);
          if (keys.has(key)) duplicates.push(pair.key);
          keys.add(key);
        }
        stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  duplicates.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  return { duplicates };
}
