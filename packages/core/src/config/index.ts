/** Loading and checking cigen.yml. */

export { didYouMean } from "../diagnostics/did-you-mean";
export { BUILTIN_RUNNERS, checkRunnerProviders } from "./checks/check-runners";
export { ConfigCodes } from "./codes";
export type * from "./config-types";
export { describePath } from "./describe-path";
export { type ConfigSource, type LoadedConfig, loadConfig, SUPPORTED_VERSIONS } from "./load-config";
export { DEFAULT_PROVIDER, outputPathFor, selectedProviders } from "./providers";
