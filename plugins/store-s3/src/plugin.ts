import type { PluginDefinition } from "@cigen/plugin-sdk";
import { checkKeyParts, checkRecord, historyLimit } from "@cigen/store-dir/kit";
import { s3Settings } from "./s3-settings";
import { historyInS3, lookupInS3, recordInS3 } from "./s3-store";
import { STORE_VERSION } from "./version";

/** The s3 signature store: one object per recorded success in a bucket, history by listing. */
export const s3Store: PluginDefinition = {
  info: { name: "store-s3", version: STORE_VERSION, capabilities: ["store:s3"] },
  hooks: {
    async storeLookup(req) {
      checkKeyParts("s3", req.jobId, req.signature);
      const record = await lookupInS3(s3Settings(req.store, process.env), req.jobId, req.signature);
      return record ? { found: true, record } : { found: false };
    },
    async storeRecord(req) {
      const record = checkRecord("s3", req.record);
      await recordInS3(s3Settings(req.store, process.env), record);
      return {};
    },
    async storeHistory(req) {
      checkKeyParts("s3", req.jobId);
      return { records: await historyInS3(s3Settings(req.store, process.env), req.jobId, historyLimit(req.limit)) };
    },
  },
};
