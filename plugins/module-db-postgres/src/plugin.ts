import type { PluginDefinition } from "@cigen/plugin-sdk";
import { MODULE_VERSION } from "./version";

/** The db/postgres module: PostgreSQL service containers. */
export const module: PluginDefinition = {
  info: { name: "db/postgres", version: MODULE_VERSION, capabilities: ["module:db/postgres", "service:postgres"] },
  hooks: {},
};
