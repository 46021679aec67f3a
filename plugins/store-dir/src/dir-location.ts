import { isAbsolute, resolve } from "node:path";
import type { SkipStore } from "@cigen/protocol";
import { DirCodes } from "./codes";
import { parseSettings, storeError, stringSetting } from "./kit";

/** Where the dir store keeps its records: `<root>/<prefix><job>/<signature>`. */
export interface DirLocation {
  /** The absolute path of the store's folder. */
  root: string;
  /** Prepended to every key; may hold `/` (subfolders), never `..`. */
  prefix: string;
}

/**
 * Reads `path` (relative paths are relative to `repo_root`, which the core adds to the settings,
 * or else to the working directory) and the optional `prefix`.
 */
export function dirLocation(store: SkipStore | undefined): DirLocation {
  const settings = parseSettings(store, "dir");
  const path = stringSetting(settings, "path", "dir");
  if (!path) {
    throw storeError(
      DirCodes.PATH_MISSING,
      "the dir signature store has no skip_store.path",
      "add the folder that keeps the signatures, e.g. skip_store: { type: dir, path: /var/cache/cigen }",
    );
  }
  const base = stringSetting(settings, "repo_root", "dir") ?? process.cwd();
  const prefix = stringSetting(settings, "prefix", "dir") ?? "";
  if (isAbsolute(prefix) || prefix.split(/[\\/]/).some((segment) => segment === "..")) {
    throw storeError(
      DirCodes.PREFIX_OUTSIDE,
      `the dir signature store's skip_store.prefix ${JSON.stringify(prefix)} would leave its folder`,
      'use a relative prefix without ".." segments, e.g. prefix: "myrepo/"',
    );
  }
  return { root: resolve(base, path), prefix };
}
