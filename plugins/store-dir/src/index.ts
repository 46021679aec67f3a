/** @cigen/store-dir: the dir signature store plugin, also importable for tests and tools. */

export { DirCodes } from "./codes";
export { type DirLocation, dirLocation } from "./dir-location";
export { historyInDir, lookupInDir, recordInDir } from "./dir-store";
export { dirStore } from "./plugin";
