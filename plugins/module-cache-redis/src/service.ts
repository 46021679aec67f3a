import { imageRepository, type ServiceInit, serviceImage } from "@cigen/module-kit";

/** The image for a bare `services: [redis]`. */
export const DEFAULT_IMAGE = "redis:7";

/** Every service name this module serves (the core routes `valkey/valkey:8` by its name), with a bare entry's image. */
export const SERVED_IMAGES: Readonly<Record<string, string>> = {
  redis: DEFAULT_IMAGE,
  "redis-stack": "redis/redis-stack:latest",
  "redis-stack-server": "redis/redis-stack-server:latest",
  valkey: "valkey/valkey:8",
};

/**
 * The container for one `services:` entry: no password, as the image starts, and database 0.
 * Valkey (the Redis fork) ships its own CLI name.
 */
export function redisService(entry: string): Omit<ServiceInit, "name" | "module"> {
  const image = serviceImage(entry, SERVED_IMAGES[entry] ?? DEFAULT_IMAGE);
  const cli = imageRepository(image) === "valkey/valkey" ? "valkey-cli" : "redis-cli";
  return {
    image,
    ports: [6379],
    healthCmd: `${cli} ping`,
    connection: { REDIS_URL: "redis://{host}:{port}/0" },
  };
}
