import type { JsonObject } from "@cigen/provider-kit";

/** Marks where keys missing from an order list go (e.g. keys that provider_config added). */
export const OTHER_KEYS = "*";

/**
 * Returns `doc` with its keys in `order`, so a reviewer finds them where GitHub's docs put them
 * even after provider_config merged new keys in. Keys not in `order` keep their relative order and
 * sit at the OTHER_KEYS mark (or at the end when there is none).
 */
export function orderKeys(doc: JsonObject, order: readonly string[]): JsonObject {
  const known = new Set(order);
  const others = Object.keys(doc).filter((k) => !known.has(k));
  const keys = order.flatMap((k) => (k === OTHER_KEYS ? others : k in doc ? [k] : []));
  if (!known.has(OTHER_KEYS)) keys.push(...others);
  return Object.fromEntries(keys.map((k) => [k, doc[k]]));
}
