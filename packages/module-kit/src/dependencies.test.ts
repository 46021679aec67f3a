import { describe, expect, it } from "vitest";
import { findDependencies } from "./dependencies";
import { imageRepository, isComposeFile } from "./images";
import { tempRepo } from "./testing";

const found = (files: Record<string, string>, names: Parameters<typeof findDependencies>[2]) =>
  findDependencies(tempRepo(files), Object.keys(files), names).map(
    (d) => `${d.name} @ ${d.file}:${d.at.line}:${d.at.column}`,
  );

describe("findDependencies", () => {
  it("reads Gemfile gem lines and only top-level Gemfile.lock specs", () => {
    expect(
      found(
        {
          Gemfile: "source 'https://rubygems.org'\ngem 'redis', '~> 5'\n",
          "Gemfile.lock": "GEM\n  specs:\n    sidekiq (7.2.4)\n      redis-client (>= 0.19)\n",
        },
        { gems: ["redis", "redis-client", "sidekiq"] },
      ),
    ).toEqual(["redis @ Gemfile:2:6", "sidekiq @ Gemfile.lock:3:5"]);
  });

  it("reads Pipfile tables, requirement files by any usual name, setup.cfg requirements and uv.lock packages", () => {
    expect(
      found(
        {
          Pipfile: '[packages]\ndjango = "*"\n\n[dev-packages]\nPsycopg2-Binary = "*"\n',
          "setup.cfg": "[options]\ninstall_requires =\n    asyncpg>=0.29\n",
          "uv.lock": 'version = 1\n\n[[package]]\nname = "psycopg"\n',
          "dev-requirements.txt": "aioredis\n",
          "requirements.txt.bak": "redis\n",
        },
        { python: ["psycopg2-binary", "asyncpg", "psycopg", "aioredis", "redis"] },
      ),
    ).toEqual([
      "psycopg2-binary @ Pipfile:5:1",
      "aioredis @ dev-requirements.txt:1:1",
      "asyncpg @ setup.cfg:3:5",
      "psycopg @ uv.lock:4:9",
    ]);
  });

  it("reads Cargo.toml dependency tables", () => {
    expect(found({ "Cargo.toml": '[dependencies.redis]\nversion = "0.25"\n' }, { cargo: ["redis"] })).toEqual([
      "redis @ Cargo.toml:1:15",
    ]);
  });

  it("does not take a longer name for a shorter one", () => {
    expect(
      found(
        {
          "go.mod": "module x\n\nrequire github.com/lib/pqx v1.0.0\n",
          "requirements.txt": "redis-om==0.3\n",
          "Gemfile.lock": "GEM\n  specs:\n    pg_search (2.3.6)\n",
        },
        { go: ["github.com/lib/pq"], python: ["redis"], gems: ["pg"] },
      ),
    ).toEqual([]);
  });

  it("survives unreadable manifests", () => {
    expect(
      found({ "package.json": "{ not json", "pyproject.toml": "[[[" }, { npm: ["pg"], python: ["redis"] }),
    ).toEqual([]);
  });
});

describe("images", () => {
  it("names an image's repository as Docker Hub does", () => {
    expect(
      [
        "postgres:16",
        "docker.io/library/postgres:16.2@sha256:abc",
        "Postgis/Postgis:16-3.4",
        "localhost:5000/pg:14",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a compose variable, not a JS template
        "postgres:${V:-15}",
      ].map(imageRepository),
    ).toEqual(["postgres", "postgres", "postgis/postgis", "localhost:5000/pg", "postgres"]);
  });

  it("knows compose file names", () => {
    expect(
      ["compose.yaml", "docker-compose.yml", "ops/docker-compose.ci.yml", "compose.override.yaml", "composer.yml"].map(
        isComposeFile,
      ),
    ).toEqual([true, true, true, true, false]);
  });
});
