import type { PluginDefinition } from "@cigen/plugin-sdk";
import { generateWorkflows } from "./generate";
import { PROVIDER_VERSION } from "./version";

/** The GitHub Actions provider: the resolved model in, one workflow file per workflow out. */
export const githubProvider: PluginDefinition = {
  info: { name: "provider-github", version: PROVIDER_VERSION, capabilities: ["provider:github"] },
  hooks: { generate: generateWorkflows },
};
