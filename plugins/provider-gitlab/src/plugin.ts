/** The GitLab CI provider plugin: identity and hooks. */
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { generate } from "./generate";

export const plugin: PluginDefinition = {
  info: { name: "provider-gitlab", version: "0.1.0", capabilities: ["provider:gitlab"] },
  hooks: { generate },
};
