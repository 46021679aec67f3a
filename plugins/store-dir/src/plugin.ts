import type { PluginDefinition } from "@cigen/plugin-sdk";
import { dirLocation } from "./dir-location";
import { historyInDir, lookupInDir, recordInDir } from "./dir-store";
import { checkKeyParts, checkRecord, historyLimit } from "./kit";
import { STORE_VERSION } from "./version";

/** The dir signature store: one JSON file per recorded success, under a folder. */
export const dirStore: PluginDefinition = {
  info: { name: "store-dir", version: STORE_VERSION, capabilities: ["store:dir"] },
  hooks: {
    async storeLookup(req) {
      checkKeyParts("dir", req.jobId, req.signature);
      const record = await lookupInDir(dirLocation(req.store), req.jobId, req.signature);
      return record ? { found: true, record } : { found: false };
    },
    async storeRecord(req) {
      const record = checkRecord("dir", req.record);
      await recordInDir(dirLocation(req.store), record);
      return {};
    },
    async storeHistory(req) {
      checkKeyParts("dir", req.jobId);
      return { records: await historyInDir(dirLocation(req.store), req.jobId, historyLimit(req.limit)) };
    },
  },
};
