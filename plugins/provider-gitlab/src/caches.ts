/**
 * Caches as GitLab `cache:` entries. A key that checksums files becomes `cache:key:files` (GitLab
 * hashes those files itself, at most two) with the rest of the key as `prefix`; any other key is
 * rendered with GitLab variables. `restore_cache` / `save_cache` steps become job caches with the
 * `pull` / `push` policy: GitLab restores before the first step and saves after the last.
 *
 * GitLab caches only paths inside the project directory, so a home-relative path (`~/.npm`, as
 * modules cache) is cached as `.cigen/home/<path after ~/>` and the script first links the home
 * path to that folder (see provider-kit's home-caches.ts). Other paths outside the project
 * (absolute, `..`) cannot be cached: GITLAB-014.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Text } from "@cigen/protocol";
import { homeLinkLines, type JsonObject, relocateHomePaths, renderText, uncachablePaths } from "@cigen/provider-kit";
import { CACHE_KEY_TOO_MANY_FILES, CACHE_PATH_OUTSIDE_PROJECT, RESTORE_KEYS_UNUSED, TOO_MANY_CACHES } from "./codes";
import { cacheKeySyntax, checksumPaths } from "./text-syntax";

const MAX_CACHES = 4;
const MAX_KEY_FILES = 2;

interface CacheSpec {
  key: Text | undefined;
  paths: string[];
  restoreKeys: number;
  policy?: "pull" | "push";
}

/** The project directory as the job's shell sees it. */
const PROJECT_DIR = '"$CI_PROJECT_DIR"';

/**
 * The job's `cache:` list (undefined when it has none), the script lines that link home-relative
 * cache paths into the project directory (to run before the job's steps) and what could not be
 * expressed.
 */
export function jobCaches(job: Job): { cache: JsonObject[] | undefined; links: string[]; diagnostics: Diagnostic[] } {
  const specs = cacheSpecs(job);
  const diagnostics: Diagnostic[] = [];
  if (specs.length > MAX_CACHES) {
    diagnostics.push(
      diagnostic({
        code: TOO_MANY_CACHES,
        message: `job "${job.id}": cache uses ${specs.length} caches; the gitlab provider allows at most ${MAX_CACHES} per job`,
        hint: "merge caches (one cache may list several paths) or drop some from the job's cache list",
        loc: job.loc,
      }),
    );
  }
  if (specs.some((s) => s.restoreKeys > 0)) {
    diagnostics.push(
      diagnostic({
        severity: "info",
        code: RESTORE_KEYS_UNUSED,
        message: `job "${job.id}": cache restore_keys are prefixes, which GitLab cannot match (its fallback_keys are exact), so they are not used on gitlab`,
        loc: job.loc,
      }),
    );
  }
  const paths = specs.flatMap((s) => s.paths);
  const outside = uncachablePaths(paths);
  if (outside.length) {
    diagnostics.push(
      diagnostic({
        severity: "warning",
        code: CACHE_PATH_OUTSIDE_PROJECT,
        message: `job "${job.id}": cache paths ${outside.join(", ")} are outside the project directory; GitLab caches only paths inside $CI_PROJECT_DIR, so they are not cached`,
        hint: "point the tool's cache directory inside the project (for example npm_config_cache=.npm) and cache that path, or use a path under ~/, which cigen relocates into the project",
        loc: job.loc,
      }),
    );
  }
  const cache = specs.map((spec) => {
    const { key, diagnostics: keyDiagnostics } = cacheKey(job, spec.key);
    diagnostics.push(...keyDiagnostics);
    return { key, paths: relocateHomePaths(spec.paths), ...(spec.policy ? { policy: spec.policy } : {}) };
  });
  return { cache: cache.length ? cache : undefined, links: homeLinkLines(paths, PROJECT_DIR), diagnostics };
}

function cacheSpecs(job: Job): CacheSpec[] {
  const specs: CacheSpec[] = job.caches.map((c) => ({ key: c.key, paths: c.paths, restoreKeys: c.restoreKeys.length }));
  const stepSpecs: (CacheSpec & { id: string })[] = [];
  const syntax = cacheKeySyntax(job);
  for (const step of job.steps) {
    const k = step.kind;
    if (k.case !== "restoreCache" && k.case !== "saveCache") continue;
    const id = `${JSON.stringify(checksumPaths(k.value.key))}${renderText(k.value.key, { ...syntax, checksum: (p) => p })}`;
    const policy = k.case === "restoreCache" ? "pull" : "push";
    const restoreKeys = k.case === "restoreCache" ? k.value.restoreKeys.length : 0;
    const same = stepSpecs.find((s) => s.id === id);
    if (!same) {
      stepSpecs.push({ id, key: k.value.key, paths: [...k.value.paths], restoreKeys, policy });
      continue;
    }
    // A restore and a save of the same key are one cache that is pulled and pushed.
    if (same.policy !== policy) same.policy = undefined;
    same.restoreKeys += restoreKeys;
    for (const p of k.value.paths) if (!same.paths.includes(p)) same.paths.push(p);
  }
  return [...specs, ...stepSpecs.map(({ id: _id, ...spec }) => spec)];
}

/** A `cache:key` value: a rendered string, or `{files, prefix}` when the key checksums files. */
export function cacheKey(job: Job, key: Text | undefined): { key: unknown; diagnostics: Diagnostic[] } {
  const files = checksumPaths(key);
  const syntax = cacheKeySyntax(job);
  if (!files.length) return { key: renderText(key, syntax) || "default", diagnostics: [] };
  const diagnostics =
    files.length > MAX_KEY_FILES
      ? [
          diagnostic({
            code: CACHE_KEY_TOO_MANY_FILES,
            message: `job "${job.id}": a cache key checksums ${files.length} files (${files.join(", ")}); the gitlab provider's cache:key:files takes at most ${MAX_KEY_FILES}`,
            hint: "checksum at most two files in the key, e.g. only the lock file",
            loc: job.loc,
          }),
        ]
      : [];
  // GitLab joins prefix and files hash with "-", so separators around the checksum are dropped.
  const prefix = renderText(key, { ...syntax, checksum: () => "" }).replace(/^[-_.]+|[-_.]+$/g, "");
  return { key: prefix ? { files, prefix } : { files }, diagnostics };
}
