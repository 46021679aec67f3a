import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type { ConfigSource } from "../config/load-config";
import type { Diagnostic } from "../diagnostics/diagnostic";

const DEFAULT_NAMES = ["cigen.yml", ".cigen/cigen.yml"];

/** Finds and reads the config file: `--config`, else cigen.yml, else .cigen/cigen.yml. */
export async function readConfigSource(
  cwd: string,
  explicit?: string,
): Promise<{ source?: ConfigSource; diagnostics: Diagnostic[] }> {
  const candidates = explicit ? [explicit] : DEFAULT_NAMES;
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
