/** @cigen/store-redis: the redis signature store plugin, also importable for tests and tools. */

export { RedisCodes } from "./codes";
export { redisStore } from "./plugin";
export { DEFAULT_TTL_DAYS, DEFAULT_URL_ENV, type RedisSettings, redisSettings } from "./redis-settings";
export { historyInRedis, historyKey, lookupInRedis, recordInRedis } from "./redis-store";
