import type { MatrixConfig, Scalar } from "../config/config-types";

/** One combination of a matrix: its values in dimension order, and which of them name the variant. */
export interface MatrixCombination {
  values: [string, string][];
  /** The values that make up the variant id. */
  idValues: string[];
}

/** Renders a matrix cell; numbers keep their written form through sourceOf (`3.10` is not 3.1). */
export type CellText = (value: Scalar, path: (string | number)[]) => string;

/**
 * Expands a matrix like GitHub Actions does: the product of the dimensions (first dimension
 * outermost), minus combinations matching an `exclude` entry (all of its keys), then each `include`
 * entry is added to every combination whose original values it does not contradict, or, when it
 * fits none, appended as a combination of its own.
 */
export function expandMatrix(matrix: MatrixConfig, cellText: CellText): MatrixCombination[] {
  const dimensions = Object.keys(matrix).filter((k) => k !== "include" && k !== "exclude");
  let combos: Map<string, string>[] = dimensions.length > 0 ? [new Map()] : [];
  for (const dimension of dimensions) {
    const cells = (matrix[dimension] as Scalar[]).map((v, i) => cellText(v, ["matrix", dimension, i]));
    combos = combos.flatMap((combo) => cells.map((cell) => new Map([...combo, [dimension, cell]])));
  }
  const entries = (key: "include" | "exclude") =>
    (matrix[key] ?? []).map(
      (entry, i) => new Map(Object.entries(entry).map(([k, v]) => [k, cellText(v, ["matrix", key, i, k])] as const)),
    );
  const excludes = entries("exclude");
  combos = combos.filter((combo) => !excludes.some((ex) => [...ex].every(([k, v]) => combo.get(k) === v)));

  const originals = combos.length;
  const standalone = new Set<Map<string, string>>();
  for (const entry of entries("include")) {
    let fitted = false;
    for (const combo of combos.slice(0, originals)) {
      const fits = [...entry].every(([k, v]) => !dimensions.includes(k) || combo.get(k) === v);
      if (!fits) continue;
      for (const [k, v] of entry) if (!dimensions.includes(k)) combo.set(k, v);
      fitted = true;
    }
    if (!fitted) {
      const combo = new Map(entry);
      combos.push(combo);
      standalone.add(combo);
    }
  }
  const order = keyOrder(dimensions, combos);
  return combos.map((combo) => {
    const values = order.filter((k) => combo.has(k)).map((k) => [k, combo.get(k)!] as [string, string]);
    const idKeys = standalone.has(combo) ? values : values.filter(([k]) => dimensions.includes(k));
    return { values, idValues: idKeys.map(([, v]) => v) };
  });
}

/** The dimensions, then keys that includes added, in order of first appearance. */
function keyOrder(dimensions: string[], combos: Map<string, string>[]): string[] {
  const order = [...dimensions];
  for (const combo of combos) for (const key of combo.keys()) if (!order.includes(key)) order.push(key);
  return order;
}
