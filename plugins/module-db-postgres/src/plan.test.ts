import { planIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const job = (services: string[], extra: object = {}) => ({ jobId: "test", baseId: "test", services, ...extra });
const literal = (env: { name: string; value?: { parts: { kind: { value?: unknown } }[] } }) =>
  `${env.name}=${env.value?.parts.map((p) => p.kind.value).join("")}`;

describe("db/postgres plan", () => {
  it("gives a bare `postgres` the default image, credentials, port, health check and connection variables", async () => {
    const r = await planIn(module, {}, [job(["postgres"])]);
    const [service] = r.contributions[0].services;
    expect([service.name, service.image, service.ports, service.healthCmd, service.module]).toEqual([
      "postgres",
      "postgres:16",
      [5432],
      "pg_isready -h 127.0.0.1 -U postgres",
      "db/postgres",
    ]);
    expect(service.env.map(literal)).toEqual([
      "POSTGRES_USER=postgres",
      "POSTGRES_PASSWORD=postgres",
      "POSTGRES_DB=test",
    ]);
    expect(Object.fromEntries(service.connectionEnv.map((c) => [c.name, c.template]))).toEqual({
      DATABASE_URL: "postgres://postgres:postgres@{host}:{port}/test",
      PGHOST: "{host}",
      PGPORT: "{port}",
      PGUSER: "postgres",
      PGPASSWORD: "postgres",
    });
    expect(r.contributions[0].signatureValues).toEqual({ postgres: "postgres:16" });
    expect(r.diagnostics).toEqual([]);
  });

  it("runs image references as written, in order; a second instance gets its own name and no DATABASE_URL", async () => {
    const r = await planIn(module, {}, [job(["postgres:15", "postgis/postgis:16-3.4"]), job([], { jobId: "lint" })]);
    const [first, second] = r.contributions[0].services;
    expect([first.name, first.image, second.name, second.image]).toEqual([
      "postgres",
      "postgres:15",
      "postgres_2",
      "postgis/postgis:16-3.4",
    ]);
    expect(second.env.map((e) => e.name)).toEqual(["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"]);
    expect(second.connectionEnv).toEqual([]);
    expect(r.contributions[0].signatureValues).toEqual({ postgres: "postgres:15,postgis/postgis:16-3.4" });
    expect(r.contributions[1]).toMatchObject({ jobId: "lint", services: [], signatureValues: {} });
  });

  it("serves the images built on the official one by their own names, a bare name with its default image", async () => {
    expect(module.info.capabilities).toEqual([
      "module:db/postgres",
      "service:postgres",
      "service:postgis",
      "service:pgvector",
      "service:timescaledb",
      "service:timescaledb-ha",
    ]);
    const r = await planIn(module, {}, [job(["postgis"]), job(["pgvector/pgvector:pg17"], { jobId: "vector" })]);
    expect(r.contributions.map((c) => [c.services[0].name, c.services[0].image])).toEqual([
      ["postgres", "postgis/postgis:16-3.4"],
      ["postgres", "pgvector/pgvector:pg17"],
    ]);
  });

  it("refuses to be a step", async () => {
    const r = await planIn(module, {}, [job([], { uses: [{ stepIndex: 2, constraint: "^1", with: {} }] })]);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["POSTGRES-002", 'job "test": db/postgres provides a service container; it cannot be a step or a package'],
    ]);
    expect(r.diagnostics[0].loc?.path).toEqual(["jobs", "test"]);
  });
});
