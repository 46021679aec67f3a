import { imageRepository, type ServiceDetectSpec } from "@cigen/module-kit";
import { RedisCodes } from "./codes";
import { SERVED_IMAGES } from "./service";

/** What says a repository talks to Redis (docs/modules/cache-redis.md lists it for users). */
export const REDIS_DETECTION: ServiceDetectSpec = {
  service: "redis",
  dependencies: {
    // Sidekiq keeps its jobs in Redis whatever client it uses.
    gems: ["redis", "redis-client", "sidekiq"],
    npm: ["redis", "ioredis", "bullmq", "bull"],
    python: ["redis", "aioredis"],
    go: ["github.com/redis/go-redis", "github.com/go-redis/redis", "github.com/gomodule/redigo"],
    cargo: ["redis", "fred"],
  },
  images: Object.values(SERVED_IMAGES).map(imageRepository),
  configs: [".env.example", ".env.sample", ".env.test"].map((file) => ({
    file,
    pattern: /^\s*(?:export\s+)?[A-Z0-9_]*URL\s*=\s*["']?(rediss?):\/\//m,
  })),
  imagesDisagree: RedisCodes.IMAGES_DISAGREE,
};
