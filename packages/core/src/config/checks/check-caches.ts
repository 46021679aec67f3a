import type { Diagnostic } from "../../diagnostics/diagnostic";
import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import { type ConfigCheck, configError, listItems } from "./config-error";

/** Caches named after the package modules; `caches` may override them. */
export const BUILTIN_CACHE_NAMES = ["go", "node", "python", "ruby", "rust"] as const;

/** A job's `cache` entries must be built-in caches or `caches` entries. */
export const checkCaches: ConfigCheck = (config) => {
  const known = [...new Set([...BUILTIN_CACHE_NAMES, ...Object.keys(config.raw.caches ?? {})])];
  const out: Diagnostic[] = [];
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    for (const { item, path } of listItems(job.cache, ["jobs", id, "cache"])) {
      if (known.includes(item)) continue;
      const message = `job "${id}" uses unknown cache "${item}"`;
      out.push(
        configError(config, ConfigCodes.UNKNOWN_CACHE, path, message, suggestionHint(item, known, "Known caches")),
      );
    }
  }
  return out;
};
