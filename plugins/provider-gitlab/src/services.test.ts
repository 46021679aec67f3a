import { job, t } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { jobServices } from "./services";

describe("jobServices", () => {
  it("gives each service an alias, its variables and <NAME>_HOST/<NAME>_PORT", () => {
    const j = job("j", {
      services: [
        {
          name: "postgres",
          image: "postgres:16",
          ports: [5432, 5433],
          env: [{ name: "POSTGRES_PASSWORD", value: t("p$w") }],
        },
        { name: "my.cache", image: "redis:7", ports: [6379] },
      ],
    });
    const result = jobServices(j);
    expect(result.services).toEqual([
      { name: "postgres:16", alias: "postgres", variables: { POSTGRES_PASSWORD: "p$$w" } },
      { name: "redis:7", alias: "my-cache" },
    ]);
    expect(result.variables).toEqual([
      ["POSTGRES_HOST", "postgres"],
      ["POSTGRES_PORT", "5432"],
      ["MY_CACHE_HOST", "my-cache"],
      ["MY_CACHE_PORT", "6379"],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it("says what it cannot do: no port to give, health_cmd not run", () => {
    const j = job("j", { services: [{ name: "db", image: "db:1", healthCmd: "pg_isready" }] });
    const result = jobServices(j);
    expect(result.variables).toEqual([["DB_HOST", "db"]]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["GITLAB-010", "GITLAB-007"]);
    expect(result.diagnostics[0].message).toBe(
      'job "j": service "db" lists no ports, so the gitlab provider cannot set DB_PORT',
    );
  });

  it("fills connection variables with the alias and first port; the job's env wins", () => {
    const postgres = {
      name: "postgres",
      image: "postgres:16",
      ports: [5432],
      module: "db/postgres",
      connectionEnv: [
        { name: "DATABASE_URL", template: "postgres://postgres:pa$$@{host}:{port}/test" },
        { name: "PGHOST", template: "{host}" },
      ],
    };
    const j = job("j", { services: [postgres], env: [{ name: "PGHOST", value: t("db.internal") }] });
    expect(jobServices(j).variables).toEqual([
      ["POSTGRES_HOST", "postgres"],
      ["POSTGRES_PORT", "5432"],
      ["DATABASE_URL", "postgres://postgres:pa$$$$@postgres:5432/test"],
    ]);
  });
});
