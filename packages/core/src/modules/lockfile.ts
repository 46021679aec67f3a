import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { ModuleCodes } from "./module-codes";

export const LOCK_FILE = "cigen.lock";
const FORMAT = 1;

/** One resolved module as cigen.lock records it. */
export interface LockedModule {
  /** e.g. "lang/node". */
  name: string;
  version: string;
  /** The constraints the config asked for ("^1", "*" when none), sorted. */
  constraints: string[];
  /** Where it was found: bundled, .cigen/plugins, node_modules, PATH, explicit. */
  source: string;
  /** Repository-relative for plugins inside the repository; the executable's name otherwise. */
  path: string;
  /** sha256 of the file that runs (a JavaScript plugin's bundle, else the executable). */
  sha256: string;
  /** The capabilities used from it ("package:node"), sorted. */
  provides: string[];
}

export interface Lock {
  modules: LockedModule[];
}

/** Reads cigen.lock at the repository root: undefined when there is none. */
export async function readLock(repoRoot: string): Promise<{ lock?: Lock; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(join(repoRoot, LOCK_FILE), "utf8");
  } catch {
    return { diagnostics: [] };
  }
  const bad = (message: string, line?: number): { diagnostics: Diagnostic[] } => ({
    diagnostics: [
      {
        severity: "error",
        code: ModuleCodes.LOCK_UNREADABLE,
        file: LOCK_FILE,
        line: line ?? 1,
        column: 1,
        message: `${LOCK_FILE} cannot be read: ${message}`,
        hint: `write it again with \`cigen lock\` (it is generated; do not edit it by hand)`,
      },
    ],
  });
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return bad((e as Error).message.split("\n")[0], line);
  }
  const root = doc as { version?: unknown; modules?: unknown } | null;
  if (!root || typeof root !== "object") return bad("it is not a mapping");
  if (root.version !== FORMAT)
    return bad(`unknown format version ${JSON.stringify(root.version)} (this cigen reads ${FORMAT})`);
  const modules: LockedModule[] = [];
  for (const [name, raw] of Object.entries((root.modules ?? {}) as Record<string, Record<string, unknown>>)) {
    const entry = raw ?? {};
    const str = (k: string) => (typeof entry[k] === "string" ? (entry[k] as string) : undefined);
    const list = (k: string) => (Array.isArray(entry[k]) ? (entry[k] as unknown[]).map(String) : []);
    const version = str("version");
    const sha256 = str("sha256");
    const path = str("path");
    if (!version || !sha256 || !path || !/^[0-9a-f]{64}$/.test(sha256))
      return bad(`module "${name}" needs version, path and a 64-hex sha256`);
    modules.push({
      name,
      version,
      sha256,
      path,
      source: str("source") ?? "",
      constraints: list("constraints"),
      provides: list("provides"),
    });
  }
  return { lock: { modules }, diagnostics: [] };
}

/**
 * cigen.lock's text: sorted by module name with a fixed key order, so `cigen lock` run twice (or on
 * another machine with the same modules) writes the same bytes and reviews show only real changes.
 */
export function renderLock(lock: Lock): string {
  const modules: Record<string, unknown> = {};
  for (const m of [...lock.modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    modules[m.name] = {
      version: m.version,
      constraints: [...m.constraints].sort(),
      source: m.source,
      path: m.path,
      sha256: m.sha256,
      provides: [...m.provides].sort(),
    };
  }
  const header =
    "# cigen.lock: the module versions cigen resolved for this repository, written by `cigen lock`.\n" +
    "# Commit it. `cigen generate` refuses a module whose executable no longer matches its sha256.\n";
  return header + stringify({ version: FORMAT, modules }, { lineWidth: 0 });
}

/** sha256 (hex) of a file's bytes. */
export async function sha256File(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}
