import type { Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { cacheKeyText } from "./text-syntax";

/** The job's caches, restored before its steps and saved after them. */
export interface CacheSteps {
  restore: JsonObject[];
  save: JsonObject[];
}

/**
 * Job caches as CircleCI's native cache steps: `restore_cache` tries the key, then each restore
 * key as a prefix (the same fallback semantics as cigen's restore_keys), and `save_cache` writes
 * the key on success. Keys use CircleCI's own `{{ checksum }}` template.
 */
export function translateCaches(job: Job): CacheSteps {
  const restore: JsonObject[] = [];
  const save: JsonObject[] = [];
  for (const cache of job.caches) {
    const keys = [cache.key, ...cache.restoreKeys].map((k) => cacheKeyText(k, job));
    restore.push({ restore_cache: { name: `Restore cache ${cache.name}`, keys } });
    save.push({ save_cache: { name: `Save cache ${cache.name}`, key: keys[0], paths: cache.paths } });
  }
  return { restore, save };
}
