import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { redisSettings } from "./redis-settings";

const store = (settings: Record<string, unknown>) =>
  create(SkipStoreSchema, { type: "redis", settingsJson: JSON.stringify(settings) });

describe("redis settings", () => {
  it("read the URL from CIGEN_REDIS_URL by default, with a 30-day TTL and no prefix", () => {
    const s = redisSettings(store({}), { CIGEN_REDIS_URL: "redis://u:pw@cache:6379" });
    expect(s).toMatchObject({ urlEnv: "CIGEN_REDIS_URL", prefix: "", ttlSeconds: 30 * 86_400 });
    expect(s.shownUrl).toBe("redis://***:***@cache:6379");
  });

  it("take url_env, prefix and ttl_days from the config", () => {
    const s = redisSettings(store({ url_env: "R", prefix: "repo:", ttl_days: 0.5 }), { R: "rediss://cache" });
    expect(s).toMatchObject({ url: "rediss://cache", prefix: "repo:", ttlSeconds: 43_200 });
  });

  it("name the variable to set when it is missing, and never show a URL's password", () => {
    expect(() => redisSettings(store({}), {})).toThrow(/^STORE-REDIS-001: .*CIGEN_REDIS_URL \(skip_store\.url_env\)/);
    expect(() => redisSettings(store({}), { CIGEN_REDIS_URL: "http://u:pw@x" })).toThrow(/STORE-REDIS-002/);
    expect(() => redisSettings(store({}), { CIGEN_REDIS_URL: "http://u:pw@x" })).not.toThrow(/pw/);
  });
});
