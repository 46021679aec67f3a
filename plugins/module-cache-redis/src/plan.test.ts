import { planIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const job = (services: string[], extra: object = {}) => ({ jobId: "test", baseId: "test", services, ...extra });

describe("cache/redis plan", () => {
  it("gives a bare `redis` the default image, port, health check and REDIS_URL", async () => {
    const r = await planIn(module, {}, [job(["redis"])]);
    const [service] = r.contributions[0].services;
    expect([service.name, service.image, service.ports, service.healthCmd, service.env]).toEqual([
      "redis",
      "redis:7",
      [6379],
      "redis-cli ping",
      [],
    ]);
    expect(service.connectionEnv.map((c) => [c.name, c.template])).toEqual([["REDIS_URL", "redis://{host}:{port}/0"]]);
    expect(r.contributions[0].signatureValues).toEqual({ redis: "redis:7" });
  });

  it("runs an image reference as written, serves Valkey and Redis Stack by name and checks Valkey with its own CLI", async () => {
    expect(module.info.capabilities).toEqual([
      "module:cache/redis",
      "service:redis",
      "service:redis-stack",
      "service:redis-stack-server",
      "service:valkey",
    ]);
    const r = await planIn(module, {}, [
      job(["redis:6.2-alpine"]),
      job(["valkey/valkey:7.2"], { jobId: "test-2" }),
      job(["valkey"], { jobId: "test-3" }),
    ]);
    expect(r.contributions.map((c) => [c.jobId, c.services[0].image, c.services[0].healthCmd])).toEqual([
      ["test", "redis:6.2-alpine", "redis-cli ping"],
      ["test-2", "valkey/valkey:7.2", "valkey-cli ping"],
      ["test-3", "valkey/valkey:8", "valkey-cli ping"],
    ]);
  });

  it("refuses to be a package", async () => {
    const r = await planIn(module, {}, [job([], { packages: ["redis"] })]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["REDIS-002"]);
  });
});
