import type { PluginDefinition } from "@cigen/plugin-sdk";
import { detectGo } from "./detect";
import { planGo } from "./plan";
import { MODULE_VERSION } from "./version";

/** The lang/go module: Go modules. */
export const module: PluginDefinition = {
  info: { name: "lang/go", version: MODULE_VERSION, capabilities: ["module:lang/go", "package:go"] },
  hooks: { detect: detectGo, plan: planGo },
};
