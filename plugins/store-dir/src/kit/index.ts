/**
 * What the bundled signature stores share: the record layout (key, JSON value, history bound), the
 * settings readers and the error convention. One layout for every store, so a record means the same
 * thing wherever it is kept. Custom stores may import it too (`@cigen/store-dir/kit`).
 */

export { KitCodes } from "./codes";
export { HISTORY_CAP, historyLimit, newestCandidates } from "./history-size";
export { checkRecord, decodeRecord, encodeRecord, newestFirst, RECORD_FORMAT } from "./record-json";
export { checkKeyParts, encodeJobId, isSignature, jobPrefix, recordKey } from "./record-key";
export { redactUrl, storeError } from "./store-error";
export { parseSettings, positiveNumberSetting, type StoreSettings, stringSetting } from "./store-settings";
