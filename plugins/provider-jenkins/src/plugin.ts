/** The Jenkins provider plugin: identity and hooks. */
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { generate } from "./generate";

export const plugin: PluginDefinition = {
  info: { name: "provider-jenkins", version: "0.1.0", capabilities: ["provider:jenkins"] },
  hooks: { generate },
};
