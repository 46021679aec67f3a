import type { PluginDefinition } from "@cigen/plugin-sdk";
import { MODULE_VERSION } from "./version";

/** The db/mysql module: MySQL service containers. */
export const module: PluginDefinition = {
  info: { name: "db/mysql", version: MODULE_VERSION, capabilities: ["module:db/mysql", "service:mysql"] },
  hooks: {},
};
