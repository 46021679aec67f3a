/**
 * Caches through the Job Cacher plugin (`jobcacher`): the stage's steps run inside
 * `cache(maxCacheSize: ..., caches: [arbitraryFileCache(...), ...]) { ... }`, which restores each
 * path before the steps and saves it after them.
 *
 * Job Cacher has no keys: it stores caches per job (a multibranch job: per branch). A cigen key is
 * approximated by two things: `cacheValidityDecidingFile`, the first `{{ checksum "f" }}` file of
 * the key (the lock file), so the cache is rebuilt when that file changes; and `cacheName`, the
 * static part of the key (literals, `{{ os }}`, `{{ arch }}`), so stages whose keys differ there
 * (node 20 and node 22 caching the same path) keep separate caches. Restore keys have no
 * equivalent: an outdated cache is not restored, and the rebuilt one replaces it.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Text } from "@cigen/protocol";
import { CACHES_UNSUPPORTED } from "./codes";
import { groovyString, gstringBody, indent } from "./groovy-string";
import { checksumPaths, platformOf } from "./text-syntax";

/** Job Cacher's size limit for all the caches of one stage, in megabytes. */
export const MAX_CACHE_SIZE_MB = 2048;

/** One cached path. */
export interface CacheEntry {
  /** The Groovy expression of the path (a string literal, or a GString for `~`). */
  path: string;
  /** The workspace-relative file that decides whether the cache is up to date. */
  validity?: string;
  /** The cache's name in the job's cache storage. */
  name: string;
}

interface Use {
  key: Text | undefined;
  paths: string[];
}

function uses(job: Job): Use[] {
  const out: Use[] = job.caches.map((c) => ({ key: c.key, paths: c.paths }));
  // Explicit steps: Job Cacher restores before the first step and saves after the last, which is
  // where restore_cache and save_cache steps usually are. A path is cached once (first use wins).
  for (const step of job.steps) {
    if (step.kind.case === "saveCache" || step.kind.case === "restoreCache") {
      out.push({ key: step.kind.value.key, paths: step.kind.value.paths });
    }
  }
  return out;
}

/** The static part of a key as a cache name: literals and platform, other values left out. */
export function cacheName(job: Job, key: Text | undefined): string {
  const text = (key?.parts ?? [])
    .map((p) => {
      if (p.kind.case === "literal") return p.kind.value;
      if (p.kind.case === "platform") return platformOf(job, p.kind.value === "os" ? "os" : "arch");
      return "";
    })
    .join("");
  const name = text
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return name || "cache";
}

/** A cache path as Groovy: workspace-relative or absolute as written, `~` as the agent's HOME. */
export function cachePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (trimmed === "~") return "env.HOME";
  if (trimmed.startsWith("~/")) return `"\${env.HOME}/${gstringBody(trimmed.slice(2))}"`;
  return groovyString(trimmed);
}

/** The job's cached paths, one entry per distinct path. */
export function cacheEntries(job: Job): CacheEntry[] {
  const seen = new Set<string>();
  const names = new Set<string>();
  const out: CacheEntry[] = [];
  for (const use of uses(job)) {
    const [validity] = checksumPaths(use.key);
    const base = cacheName(job, use.key);
    for (const raw of use.paths) {
      const path = cachePath(raw);
      if (seen.has(path)) continue;
      seen.add(path);
      let name = base;
      for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
      names.add(name);
      out.push({ path, name, ...(validity ? { validity } : {}) });
    }
  }
  return out;
}

/** `body` inside Job Cacher's `cache` step for the job's caches (unchanged without caches). */
export function withCaches(job: Job, body: string[]): string[] {
  const entries = cacheEntries(job);
  if (!entries.length || !body.length) return body;
  const caches = entries.map((e) => {
    const args = [
      `path: ${e.path}`,
      `cacheName: ${groovyString(e.name)}`,
      ...(e.validity ? [`cacheValidityDecidingFile: ${groovyString(e.validity)}`] : []),
      "includes: '**/*'",
    ];
    return `arbitraryFileCache(${args.join(", ")}),`;
  });
  caches[caches.length - 1] = caches[caches.length - 1].replace(/,$/, "");
  return [`cache(maxCacheSize: ${MAX_CACHE_SIZE_MB}, caches: [`, ...indent(caches, 2), "]) {", ...indent(body), "}"];
}

/** Cache uses Job Cacher cannot express: a restore_cache step that names no paths. */
export function cacheDiagnostics(job: Job): Diagnostic[] {
  return job.steps.flatMap((step) => {
    if (step.kind.case !== "restoreCache" || step.kind.value.paths.length) return [];
    return [
      diagnostic({
        severity: "warning",
        code: CACHES_UNSUPPORTED,
        message: `job "${job.id}": restore_cache names no paths, so the jenkins provider cannot restore it with the Job Cacher plugin; the job runs without it`,
        hint: "add a save_cache step with the same key and its paths, or use the job's `cache:`",
        loc: step.loc ?? job.loc,
      }),
    ];
  });
}
