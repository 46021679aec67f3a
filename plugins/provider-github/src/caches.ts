import { diagnostic } from "@cigen/plugin-sdk";
import type { CacheUse, Diagnostic, Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { CACHE_WITHOUT_PATHS } from "./codes";
import { expression } from "./text-syntax";

/** The steps for a job's caches and what could not be expressed. */
export interface CacheSteps {
  steps: JsonObject[];
  diagnostics: Diagnostic[];
}

/**
 * One `actions/cache` step per cache, placed before the job's own steps: it restores now and its
 * post-job phase saves the paths under the same key when the job succeeds, which is exactly
 * "restored before and saved after the steps".
 */
export function cacheSteps(job: Job): CacheSteps {
  const steps: JsonObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const cache of job.caches) {
    if (cache.paths.length === 0) {
      diagnostics.push(cacheWithoutPaths(job, `cache "${cache.name}"`));
      continue;
    }
    steps.push({ name: `Cache ${cache.name}`, uses: "actions/cache@v4", with: cacheInputs(cache) });
  }
  return { steps, diagnostics };
}

function cacheInputs(cache: CacheUse): JsonObject {
  const inputs: JsonObject = { path: lines(cache.paths), key: expression(cache.key) };
  if (cache.restoreKeys.length > 0) inputs["restore-keys"] = lines(cache.restoreKeys.map(expression));
  return inputs;
}

/** actions/cache takes lists as one newline-separated string. */
export function lines(items: string[]): string {
  return items.join("\n");
}

/** The diagnostic for a cache (named by `what`) without paths, which actions/cache requires. */
export function cacheWithoutPaths(job: Job, what: string): Diagnostic {
  return diagnostic({
    code: CACHE_WITHOUT_PATHS,
    message: `job "${job.id}": ${what} has no paths, and GitHub Actions' actions/cache needs the paths it restores and saves`,
    hint: "Give the cache its paths (caches.<name>.paths, or paths: on the step).",
    loc: job.loc,
  });
}
