import { detectService, planServices } from "@cigen/module-kit";
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { PostgresCodes } from "./codes";
import { POSTGRES_DETECTION } from "./detect";
import { postgresService, SERVED_IMAGES } from "./service";
import { MODULE_VERSION } from "./version";

/** The db/postgres module: PostgreSQL service containers. */
export const module: PluginDefinition = {
  info: {
    name: "db/postgres",
    version: MODULE_VERSION,
    capabilities: ["module:db/postgres", ...Object.keys(SERVED_IMAGES).map((name) => `service:${name}`)],
  },
  hooks: {
    detect: (snapshot) => detectService(snapshot, POSTGRES_DETECTION),
    plan: (request) =>
      planServices(request, {
        module: "db/postgres",
        service: "postgres",
        build: postgresService,
        notAService: PostgresCodes.NOT_A_SERVICE,
      }),
  },
};
