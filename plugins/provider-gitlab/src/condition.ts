/**
 * A small boolean expression tree for GitLab `rules:if`. Conditions are built by AND-ing and OR-ing
 * trigger filters along the dependency graph; simplifying here (constants, flattening, repeats)
 * keeps the generated expressions as short as a person would write them.
 */

export type Cond =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "atom"; expr: string }
  | { kind: "and"; items: Cond[] }
  | { kind: "or"; items: Cond[] };

export const TRUE: Cond = { kind: "true" };
export const FALSE: Cond = { kind: "false" };

/** One GitLab comparison, e.g. `$CI_PIPELINE_SOURCE == "push"`. */
export function atom(expr: string): Cond {
  return { kind: "atom", expr };
}

/** All of `items` (TRUE when empty). */
export function and(...items: Cond[]): Cond {
  return combine("and", items);
}

/** Any of `items` (FALSE when empty). */
export function or(...items: Cond[]): Cond {
  return combine("or", items);
}

function combine(kind: "and" | "or", items: Cond[]): Cond {
  const identity = kind === "and" ? "true" : "false";
  const absorbing = kind === "and" ? "false" : "true";
  const flat: Cond[] = [];
  const seen = new Set<string>();
  for (const item of items.flatMap((i) => (i.kind === kind ? i.items : [i]))) {
    if (item.kind === absorbing) return item;
    if (item.kind === identity) continue;
    const key = renderCond(item);
    if (seen.has(key)) continue;
    seen.add(key);
    flat.push(item);
  }
  if (flat.length === 0) return { kind: identity };
  if (flat.length === 1) return flat[0];
  return { kind, items: flat };
}

/** The expression text; nested groups are parenthesised so precedence never matters to a reader. */
export function renderCond(cond: Cond): string {
  switch (cond.kind) {
    case "true":
      return "true";
    case "false":
      return "false";
    case "atom":
      return cond.expr;
    default: {
      const op = cond.kind === "and" ? " && " : " || ";
      return cond.items
        .map((i) => (i.kind === "and" || i.kind === "or" ? `(${renderCond(i)})` : renderCond(i)))
        .join(op);
    }
  }
}
