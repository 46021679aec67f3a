import type { PluginDefinition } from "@cigen/plugin-sdk";
import { detect } from "./detect";
import { plan } from "./plan";
import { MODULE_VERSION } from "./version";

/** The docker/build module: Docker image builds with buildx and a layer cache. */
export const module: PluginDefinition = {
  info: { name: "docker/build", version: MODULE_VERSION, capabilities: ["module:docker/build", "package:docker"] },
  hooks: { detect, plan },
};
