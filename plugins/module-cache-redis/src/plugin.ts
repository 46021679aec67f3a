import type { PluginDefinition } from "@cigen/plugin-sdk";
import { MODULE_VERSION } from "./version";

/** The cache/redis module: Redis service containers. */
export const module: PluginDefinition = {
  info: { name: "cache/redis", version: MODULE_VERSION, capabilities: ["module:cache/redis", "service:redis"] },
  hooks: {},
};
