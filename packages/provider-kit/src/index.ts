/** @cigen/provider-kit: the few helpers every provider plugin shares, so none re-implements them. */

export { globToRegex } from "./glob";
export { generatedHeader } from "./header";
export { deepMerge, isObject, type JsonObject, parseProviderConfig } from "./provider-config";
export { literalText, renderText, type TextSyntax } from "./text";
export { toYaml } from "./yaml";
