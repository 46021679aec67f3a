import type { SkipStore } from "@cigen/protocol";
import { parseSettings, positiveNumberSetting, redactUrl, storeError, stringSetting } from "@cigen/store-dir/kit";
import { RedisCodes } from "./codes";

/** The url_env used when the config names none. */
export const DEFAULT_URL_ENV = "CIGEN_REDIS_URL";
/** Records expire after this many days unless ttl_days says otherwise: a store must not grow forever. */
export const DEFAULT_TTL_DAYS = 30;

/** A redis store's resolved settings. */
export interface RedisSettings {
  /** The server URL, credentials included: never print it, use `shownUrl`. */
  url: string;
  /** The URL without its credentials, for messages. */
  shownUrl: string;
  /** The variable the URL came from, for messages. */
  urlEnv: string;
  prefix: string;
  ttlSeconds: number;
}

/** Reads url_env (then the URL from the environment), prefix and ttl_days. */
export function redisSettings(store: SkipStore | undefined, env: NodeJS.ProcessEnv): RedisSettings {
  const settings = parseSettings(store, "redis");
  const urlEnv = stringSetting(settings, "url_env", "redis") ?? DEFAULT_URL_ENV;
  const url = env[urlEnv] ?? "";
  if (url === "") {
    throw storeError(
      RedisCodes.URL_MISSING,
      `the redis signature store reads its server URL from ${urlEnv} (skip_store.url_env), which is not set`,
      `set ${urlEnv} to redis://[user:password@]host:6379 in this job's environment (a CI secret), or name another variable with skip_store.url_env`,
    );
  }
  if (!/^rediss?:\/\//.test(url) || redactUrl(url) === "<not a URL>") {
    throw storeError(
      RedisCodes.URL_INVALID,
      `the redis signature store's ${urlEnv} (skip_store.url_env) holds ${redactUrl(url)}, not a redis:// or rediss:// URL`,
      `set ${urlEnv} to redis://[user:password@]host:6379 (or rediss:// for TLS)`,
    );
  }
  const ttlDays = positiveNumberSetting(settings, "ttl_days", "redis") ?? DEFAULT_TTL_DAYS;
  return {
    url,
    shownUrl: redactUrl(url),
    urlEnv,
    prefix: stringSetting(settings, "prefix", "redis") ?? "",
    ttlSeconds: Math.max(1, Math.round(ttlDays * 86_400)),
  };
}
