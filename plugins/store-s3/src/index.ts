/** @cigen/store-s3: the s3 signature store plugin, also importable for tests and tools. */

export { S3Codes } from "./codes";
export { s3Store } from "./plugin";
export { type S3Settings, s3Settings } from "./s3-settings";
export { historyInS3, lookupInS3, recordInS3 } from "./s3-store";
