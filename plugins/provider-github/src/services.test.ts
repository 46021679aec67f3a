import { describe, expect, it } from "vitest";
import { INVALID_ID, SERVICE_ENV_CONTEXT } from "./codes";
import { envPrefix, healthOptions, translateServices } from "./services";
import { job, text } from "./test-models";

const pg = { name: "postgres", image: "postgres:16", ports: [5432], healthCmd: "pg_isready" };

describe("translateServices", () => {
  it("is empty for a job without services", () => {
    expect(translateServices(job("a"))).toEqual({ services: undefined, env: [], diagnostics: [] });
  });

  it("publishes ports and points at localhost for a job on the runner", () => {
    const s = translateServices(
      job("a", { services: [{ ...pg, env: [{ name: "POSTGRES_PASSWORD", value: text("pw") }] }] }),
    );
    expect(s.services).toEqual({
      postgres: {
        image: "postgres:16",
        env: { POSTGRES_PASSWORD: "pw" },
        ports: ["5432:5432"],
        options: '--health-cmd "pg_isready" --health-interval 10s --health-timeout 5s --health-retries 5',
      },
    });
    expect(s.env).toEqual([
      ["POSTGRES_HOST", "localhost"],
      ["POSTGRES_PORT", "5432"],
    ]);
  });

  it("uses the service name and container port for a job in a container, publishing nothing", () => {
    const s = translateServices(job("a", { image: "node:22", services: [pg] }));
    expect(s.services?.postgres).toEqual({ image: "postgres:16", options: expect.any(String) });
    expect(s.env).toEqual([
      ["POSTGRES_HOST", "postgres"],
      ["POSTGRES_PORT", "5432"],
    ]);
  });

  it("moves a second service wanting the same host port to the next free one", () => {
    const s = translateServices(job("a", { services: [pg, { ...pg, name: "pg-old", image: "postgres:12" }] }));
    expect((s.services?.["pg-old"] as { ports: string[] }).ports).toEqual(["5433:5432"]);
    expect(s.env).toContainEqual(["PG_OLD_PORT", "5433"]);
  });

  it("fills connection variables with the address the job uses: published port on the runner", () => {
    const connectionEnv = [{ name: "DATABASE_URL", template: "postgres://postgres:postgres@{host}:{port}/test" }];
    const old = { ...pg, name: "pg-old", image: "postgres:12", connectionEnv };
    const onRunner = translateServices(job("a", { services: [pg, old] }));
    expect(onRunner.env).toEqual([
      ["POSTGRES_HOST", "localhost"],
      ["POSTGRES_PORT", "5432"],
      ["PG_OLD_HOST", "localhost"],
      ["PG_OLD_PORT", "5433"],
      ["DATABASE_URL", "postgres://postgres:postgres@localhost:5433/test"],
    ]);
    const inContainer = translateServices(job("a", { image: "node:22", services: [old] }));
    expect(inContainer.env).toContainEqual(["DATABASE_URL", "postgres://postgres:postgres@pg-old:5432/test"]);
  });

  it("refuses service env GitHub cannot evaluate and invalid names", () => {
    const s = translateServices(
      job("a", { services: [{ name: "1db", image: "db", env: [{ name: "X", value: text({ env: "HOME" }) }] }] }),
    );
    expect(s.diagnostics.map((d) => d.code)).toEqual([INVALID_ID, SERVICE_ENV_CONTEXT]);
    expect(s.diagnostics[1].message).toContain("services.1db.env.X");
  });
});

describe("helpers", () => {
  it("derives env prefixes and quotes health commands", () => {
    expect(envPrefix("my-cache.v2")).toBe("MY_CACHE_V2");
    expect(healthOptions('mysqladmin ping -p"x"')).toBe(
      '--health-cmd "mysqladmin ping -p\\"x\\"" --health-interval 10s --health-timeout 5s --health-retries 5',
    );
  });
});
