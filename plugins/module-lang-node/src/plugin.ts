import type { PluginDefinition } from "@cigen/plugin-sdk";
import { detect } from "./detect";
import { plan } from "./plan";
import { MODULE_VERSION } from "./version";

/** The lang/node module: Node.js: npm, pnpm, yarn and bun. */
export const module: PluginDefinition = {
  info: { name: "lang/node", version: MODULE_VERSION, capabilities: ["module:lang/node", "package:node"] },
  hooks: { detect, plan },
};
