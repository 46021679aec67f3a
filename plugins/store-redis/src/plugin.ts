import type { PluginDefinition } from "@cigen/plugin-sdk";
import { checkKeyParts, checkRecord, historyLimit } from "@cigen/store-dir/kit";
import { redisSettings } from "./redis-settings";
import { historyInRedis, lookupInRedis, recordInRedis } from "./redis-store";
import { STORE_VERSION } from "./version";

/** The redis signature store: records with a TTL, plus a bounded sorted-set history per job. */
export const redisStore: PluginDefinition = {
  info: { name: "store-redis", version: STORE_VERSION, capabilities: ["store:redis"] },
  hooks: {
    async storeLookup(req) {
      checkKeyParts("redis", req.jobId, req.signature);
      const record = await lookupInRedis(redisSettings(req.store, process.env), req.jobId, req.signature);
      return record ? { found: true, record } : { found: false };
    },
    async storeRecord(req) {
      const record = checkRecord("redis", req.record);
      await recordInRedis(redisSettings(req.store, process.env), record);
      return {};
    },
    async storeHistory(req) {
      checkKeyParts("redis", req.jobId);
      const settings = redisSettings(req.store, process.env);
      return { records: await historyInRedis(settings, req.jobId, historyLimit(req.limit)) };
    },
  },
};
