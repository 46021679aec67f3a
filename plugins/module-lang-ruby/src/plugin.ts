import type { PluginDefinition } from "@cigen/plugin-sdk";
import { detect } from "./detect";
import { plan } from "./plan";
import { MODULE_VERSION } from "./version";

/** The lang/ruby module: Ruby with bundler. */
export const module: PluginDefinition = {
  info: { name: "lang/ruby", version: MODULE_VERSION, capabilities: ["module:lang/ruby", "package:ruby"] },
  hooks: { detect, plan },
};
