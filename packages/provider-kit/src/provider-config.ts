/** A JSON object value (what provider_config holds). */
export type JsonObject = { [key: string]: unknown };

/** Parses a model `provider_config_json` field; empty means no settings. */
export function parseProviderConfig(json: string): JsonObject {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  return isObject(value) ? value : {};
}

/**
 * Like `parseProviderConfig`, but says when the field is not a JSON object (bad JSON, an array, a
 * scalar) by returning undefined, so the provider can report it in its own words.
 */
export function readProviderConfig(json: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(json || "{}");
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges `override` into `base` (returns a new object): objects merge key by key, anything
 * else (arrays included) is replaced, and `null` deletes the key, so provider_config can remove
 * what cigen generated as well as add to it.
 */
export function deepMerge(base: JsonObject, override: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) {
      delete out[key];
    } else if (isObject(value) && isObject(out[key])) {
      out[key] = deepMerge(out[key] as JsonObject, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}
