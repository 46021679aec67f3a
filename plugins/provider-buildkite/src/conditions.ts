/**
 * Buildkite `if:` expressions as a small boolean tree, so conditions can be combined (a
 * workflow's occasions, a job's own ref filter, the conditions of the jobs it needs) and written
 * once. Only `&&`, `||`, `!` and comparisons are used: no regex lookaheads, which Buildkite's
 * conditional regexes do not support.
 */
export type Cond =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "atom"; text: string }
  | { kind: "and"; items: Cond[] }
  | { kind: "or"; items: Cond[] }
  | { kind: "not"; item: Cond };

export const TRUE: Cond = { kind: "true" };
export const FALSE: Cond = { kind: "false" };

/** A comparison or other expression written as is. */
export function atom(text: string): Cond {
  return { kind: "atom", text };
}

/** Conjunction: flattened, `true` dropped, duplicates dropped, absorbed disjunctions dropped. */
export function and(...conds: Cond[]): Cond {
  const items = unique(conds.flatMap((c) => (c.kind === "and" ? c.items : [c])).filter((c) => c.kind !== "true"));
  if (items.some((c) => c.kind === "false")) return FALSE;
  // `a && (a || b)` is `a`: an or-term with an alternative the other terms imply is dropped.
  const texts = new Set(items.map(render));
  const implied = (c: Cond) => (c.kind === "and" ? c.items : [c]).every((i) => texts.has(render(i)));
  const kept = items.filter((c) => !(c.kind === "or" && c.items.some(implied)));
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0] : { kind: "and", items: kept };
}

/** Disjunction: flattened, `false` dropped, duplicates dropped. */
export function or(...conds: Cond[]): Cond {
  const items = unique(conds.flatMap((c) => (c.kind === "or" ? c.items : [c])).filter((c) => c.kind !== "false"));
  if (items.some((c) => c.kind === "true")) return TRUE;
  if (items.length === 0) return FALSE;
  return items.length === 1 ? items[0] : { kind: "or", items };
}

export function not(cond: Cond): Cond {
  if (cond.kind === "true") return FALSE;
  if (cond.kind === "false") return TRUE;
  if (cond.kind === "not") return cond.item;
  return { kind: "not", item: cond };
}

function unique(conds: Cond[]): Cond[] {
  const seen = new Set<string>();
  return conds.filter((c) => {
    const key = render(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The expression text; `&&` binds tighter than `||`, so only nested `||` needs parentheses. */
export function render(cond: Cond): string {
  switch (cond.kind) {
    case "true":
      return "true";
    case "false":
      return "false";
    case "atom":
      return cond.text;
    case "and":
      return cond.items.map((c) => (c.kind === "or" ? `(${render(c)})` : render(c))).join(" && ");
    case "or":
      return cond.items.map(render).join(" || ");
    case "not":
      return cond.item.kind === "atom" ? `!(${cond.item.text})` : `!(${render(cond.item)})`;
  }
}
