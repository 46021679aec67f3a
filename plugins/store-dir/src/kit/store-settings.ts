import type { SkipStore } from "@cigen/protocol";
import { KitCodes } from "./codes";
import { storeError } from "./store-error";

/** A store's settings: the `skip_store` mapping of cigen.yml without `type` and `record_on`. */
export type StoreSettings = Record<string, unknown>;

/** Decodes `store.settings_json`; an empty string is no settings. Throws a store error otherwise. */
export function parseSettings(store: SkipStore | undefined, storeType: string): StoreSettings {
  const text = store?.settingsJson ?? "";
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalid(storeType, `its settings are not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(storeType, "its settings are not a mapping");
  }
  return value as StoreSettings;
}

/** A string setting; undefined when absent. Throws when present with another type or empty. */
export function stringSetting(settings: StoreSettings, key: string, storeType: string): string | undefined {
  const value = settings[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value === "") {
    throw invalid(storeType, `skip_store.${key} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A positive number setting; undefined when absent. */
export function positiveNumberSetting(settings: StoreSettings, key: string, storeType: string): number | undefined {
  const value = settings[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw invalid(storeType, `skip_store.${key} must be a positive number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function invalid(storeType: string, what: string): Error {
  return storeError(
    KitCodes.INVALID_SETTINGS,
    `the ${storeType} signature store cannot start: ${what}`,
    `fix skip_store in cigen.yml (see docs/stores.md for the settings of the ${storeType} store)`,
  );
}
