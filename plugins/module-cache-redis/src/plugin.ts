import { detectService, planServices } from "@cigen/module-kit";
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { RedisCodes } from "./codes";
import { REDIS_DETECTION } from "./detect";
import { redisService, SERVED_IMAGES } from "./service";
import { MODULE_VERSION } from "./version";

/** The cache/redis module: Redis service containers. */
export const module: PluginDefinition = {
  info: {
    name: "cache/redis",
    version: MODULE_VERSION,
    capabilities: ["module:cache/redis", ...Object.keys(SERVED_IMAGES).map((name) => `service:${name}`)],
  },
  hooks: {
    detect: (snapshot) => detectService(snapshot, REDIS_DETECTION),
    plan: (request) =>
      planServices(request, {
        module: "cache/redis",
        service: "redis",
        build: redisService,
        notAService: RedisCodes.NOT_A_SERVICE,
      }),
  },
};
