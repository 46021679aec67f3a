// Test helpers: load a config from text or from a fixture file in this folder.
import { readFileSync } from "node:fs";
import { loadConfig } from "../../src/config/load-config";

export function load(text: string) {
  return loadConfig({ path: "/repo/cigen.yml", displayPath: "cigen.yml", text });
}

/** Loads text that must be valid; fails the test with the diagnostics otherwise. */
export function loadOk(text: string) {
  const result = load(text);
  if (!result.config) throw new Error(`expected a valid config:\n${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.config;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
}
