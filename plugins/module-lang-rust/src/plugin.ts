import type { PluginDefinition } from "@cigen/plugin-sdk";
import { detectRust } from "./detect";
import { planRust } from "./plan";
import { MODULE_VERSION } from "./version";

/** The lang/rust module: Rust with cargo. */
export const module: PluginDefinition = {
  info: { name: "lang/rust", version: MODULE_VERSION, capabilities: ["module:lang/rust", "package:rust"] },
  hooks: { detect: detectRust, plan: planRust },
};
