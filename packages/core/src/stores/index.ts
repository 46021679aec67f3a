/** Signature stores as the core sees them: a client for the store plugins, and its codes. */

export { StoreCodes } from "./codes";
export {
  type OpenStoreOptions,
  openStore,
  type SignatureRecordInit,
  type SignatureStore,
} from "./store-client";
export { DEFAULT_REDIS_URL_ENV, storeVariableNames } from "./store-environment";
