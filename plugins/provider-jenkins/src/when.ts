/**
 * Declarative `when` conditions as a small tree (allOf / anyOf / not over built-in conditions),
 * simplified as it is built so the generated blocks stay as short as a person would write them.
 */
import { block } from "./groovy-string";

export type When =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "atom"; text: string }
  | { kind: "allOf" | "anyOf"; items: When[] }
  | { kind: "not"; item: When };

/** One built-in condition, e.g. `branch 'main'`. */
export function cond(text: string): When {
  return { kind: "atom", text };
}

export function allOf(...items: When[]): When {
  return combine("allOf", items);
}

export function anyOf(...items: When[]): When {
  return combine("anyOf", items);
}

export function not(item: When): When {
  if (item.kind === "true") return { kind: "false" };
  if (item.kind === "false") return { kind: "true" };
  return { kind: "not", item };
}

function combine(kind: "allOf" | "anyOf", items: When[]): When {
  const identity = kind === "allOf" ? "true" : "false";
  const absorbing = kind === "allOf" ? "false" : "true";
  const flat: When[] = [];
  const seen = new Set<string>();
  for (const item of items.flatMap((i) => (i.kind === kind ? i.items : [i]))) {
    if (item.kind === absorbing) return item;
    if (item.kind === identity) continue;
    const key = renderWhen(item).join("\n");
    if (!seen.has(key)) {
      seen.add(key);
      flat.push(item);
    }
  }
  if (flat.length === 0) return { kind: identity };
  return flat.length === 1 ? flat[0] : { kind, items: flat };
}

/** The condition's lines inside a `when { }` block. */
export function renderWhen(w: When): string[] {
  switch (w.kind) {
    case "true":
      return [];
    case "false":
      return ["expression { return false }"];
    case "atom":
      return [w.text];
    case "not":
      return block("not", renderWhen(w.item));
    default:
      return block(w.kind, w.items.flatMap(renderWhen));
  }
}

/** The conditions of a `when { }` block: top-level entries are ANDed, so an allOf is unwrapped. */
export function whenEntries(w: When): string[] {
  return w.kind === "allOf" ? w.items.flatMap(renderWhen) : renderWhen(w);
}
