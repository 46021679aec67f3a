import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { type ConfigSource, type LoadedConfig, loadConfig } from "../config/load-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { hasErrors } from "../diagnostics/diagnostic";
import { repoRootOf } from "./search-paths";

/** Where the config is looked for, in order, without --config. */
export const DEFAULT_CONFIG_NAMES = ["cigen.yml", ".cigen/cigen.yml"];

/** Finds and reads the config file: `--config`, else cigen.yml, else .cigen/cigen.yml. */
export async function readConfigSource(
  cwd: string,
  explicit?: string,
): Promise<{ source?: ConfigSource; diagnostics: Diagnostic[] }> {
  const candidates = explicit ? [explicit] : DEFAULT_CONFIG_NAMES;
  for (const candidate of candidates) {
    const path = resolve(cwd, candidate);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && !explicit) continue;
      return {
        diagnostics: [
          unreadable(explicit ?? candidate, code === "ENOENT" ? "does not exist" : `cannot be read (${code})`),
        ],
      };
    }
    const displayPath = relative(cwd, path) || candidate;
    return { source: { path, displayPath, text: bytes.toString("utf8") }, diagnostics: [] };
  }
  return {
    diagnostics: [
      {
        severity: "error",
        code: "CIGEN-CONFIG-000",
        message: `no cigen.yml found in ${cwd} (also looked for .cigen/cigen.yml)`,
        hint: "create one with `cigen init`, or point to it with --config <file>",
      },
    ],
  };
}

function unreadable(file: string, why: string): Diagnostic {
  return {
    severity: "error",
    code: "CIGEN-CONFIG-000",
    file,
    message: `the config file ${file} ${why}`,
    hint: "check the path given to --config",
  };
}

/**
 * Finds, reads and loads the config: what every command starts with. `config` and `repoRoot` are
 * set only when the config has no errors.
 */
export async function openConfig(
  cwd: string,
  explicit?: string,
): Promise<{ config?: LoadedConfig; repoRoot?: string; diagnostics: Diagnostic[] }> {
  const located = await readConfigSource(cwd, explicit);
  if (!located.source) return { diagnostics: located.diagnostics };
  const loaded = loadConfig(located.source);
  const diagnostics = [...located.diagnostics, ...loaded.diagnostics];
  if (!loaded.config || hasErrors(diagnostics)) return { diagnostics };
  return { config: loaded.config, repoRoot: repoRootOf(located.source.path), diagnostics };
}
