/** @cigen/provider-kit: the few helpers every provider plugin shares, so none re-implements them. */

export { checksumPaths, checksumPrelude, checksumVar } from "./checksum-prelude";
export {
  cigenScript,
  installUnlessRunnable,
  NODE_FOR_CIGEN,
  recordFailedNotice,
  recordOrNotice,
} from "./cigen-in-job";
export { globToRegex } from "./glob";
export { generatedHeader } from "./header";
export {
  HOME_CACHE_DIR,
  homeCachePath,
  homeLinkLines,
  isOutsideCheckout,
  relocateHomePaths,
  uncachablePaths,
} from "./home-caches";
export { deepMerge, isObject, type JsonObject, parseProviderConfig, readProviderConfig } from "./provider-config";
export { doubleQuotedScriptSyntax, type ScriptNames, scriptSyntax } from "./script-syntax";
export { doubleQuoteBody, shellQuote, singleQuote } from "./shell-quote";
export { DEFAULT_SKIP_COMMAND, type SkipMode, type SkipSettings, skipSettings } from "./skip-settings";
export { artifactSources, isNativeStore, isSkippable, storeType, usesNativeStore } from "./skip-store";
export { guardedStep, STATUS_EXIT, STATUS_START, type StepGuard } from "./status-script";
export { literalText, renderText, secretNames, type TextSyntax } from "./text";
export { fillConnection, installStep, placeToolchains, type ToolchainPlacement } from "./toolchain";
export { toYaml } from "./yaml";
