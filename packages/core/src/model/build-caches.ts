import { create } from "@bufbuild/protobuf";
import { type CacheUse, CacheUseSchema } from "@cigen/protocol";
import { asList, type JobConfig } from "../config/config-types";
import { BUILTIN_CACHES } from "./builtin-caches";
import type { JobContext } from "./job-context";

/** Resolves a job's `cache` names (user `caches` first, then built-ins) into CacheUse messages. */
export function buildCaches(ctx: JobContext, job: JobConfig, baseId: string): CacheUse[] {
  const defined = ctx.config.raw.caches ?? {};
  return asList(job.cache).map((name, i) => {
    const own = name in defined;
    const cache = own ? defined[name] : BUILTIN_CACHES[name];
    // Built-in templates have no position of their own: point at the job's reference to them.
    const at = (key: string, index?: number) =>
      own ? ["caches", name, key, ...(index === undefined ? [] : [index])] : ["jobs", baseId, "cache", i];
    const what = `cache "${name}"`;
    return create(CacheUseSchema, {
      name,
      key: ctx.text(at("key"), cache.key, `the key of ${what}`),
      restoreKeys: (cache.restore_keys ?? []).map((k, j) =>
        ctx.text(at("restore_keys", j), k, `a restore key of ${what}`),
      ),
      paths: cache.paths.map((p, j) => ctx.string(at("paths", j), p, `a path of ${what}`)),
    });
  });
}
