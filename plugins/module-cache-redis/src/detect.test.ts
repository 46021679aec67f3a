import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const where = (r: Awaited<ReturnType<typeof detectIn>>) =>
  r.signals.map((s) => `${s.name}=${s.value} @ ${s.evidence?.file}:${s.evidence?.line}`);

describe("cache/redis detect", () => {
  it("finds Sidekiq and the redis gem", async () => {
    const r = await detectIn(module, {
      "Gemfile.lock": "GEM\n  specs:\n    redis-client (0.22.0)\n    sidekiq (7.2.4)\n      redis-client (>= 0.19.0)\n",
    });
    expect(where(r)).toEqual(["dependency=redis-client @ Gemfile.lock:3", "dependency=sidekiq @ Gemfile.lock:4"]);
    expect(r.facts).toEqual({ service: "redis", clients: "redis-client,sidekiq" });
  });

  it("finds npm, Python, Go and Rust clients and a REDIS_URL in .env.example", async () => {
    const r = await detectIn(module, {
      "web/package.json": JSON.stringify({ dependencies: { ioredis: "^5" } }),
      "requirements.txt": "redis[hiredis]==5.0.3\n",
      "go.mod": "module x\n\nrequire (\n\tgithub.com/redis/go-redis/v9 v9.5.1\n)\n",
      "Cargo.lock": '[[package]]\nname = "redis"\nversion = "0.25.3"\n',
      ".env.example": "REDIS_URL=redis://localhost:6379/1\n",
    });
    expect(where(r)).toEqual([
      "dependency=redis @ Cargo.lock:2",
      "dependency=github.com/redis/go-redis @ go.mod:4",
      "dependency=redis @ requirements.txt:1",
      "dependency=ioredis @ web/package.json:1",
      "config=redis @ .env.example:1",
    ]);
  });

  it("takes the image from compose (Redis Stack, Valkey)", async () => {
    const stack = await detectIn(module, {
      "compose.yml": "services:\n  r:\n    image: redis/redis-stack-server:7.2.0-v9\n",
    });
    expect(stack.facts.service).toBe("redis/redis-stack-server:7.2.0-v9");
    const valkey = await detectIn(module, { "compose.yml": "services:\n  r:\n    image: valkey/valkey:8\n" });
    expect(valkey.facts.service).toBe("valkey/valkey:8");
  });

  it("does not take a redis mentioned in prose for a dependency", async () => {
    const r = await detectIn(module, {
      "pyproject.toml":
        '[project]\nname = "x"\ndescription = "works with redis"\nkeywords = ["redis"]\ndependencies = []\n',
    });
    expect(r.confidence).toBe(0);
  });

  it("warns when compose files disagree", async () => {
    const r = await detectIn(module, {
      "docker-compose.yml": "services:\n  r:\n    image: redis:7\n",
      "docker-compose.ci.yml": "services:\n  r:\n    image: redis:6.2\n",
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["REDIS-001"]);
  });
});
