import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const where = (r: Awaited<ReturnType<typeof detectIn>>) =>
  r.signals.map((s) => `${s.name}=${s.value} @ ${s.evidence?.file}:${s.evidence?.line}`);

describe("db/postgres detect", () => {
  it("finds the pg gem in Gemfile.lock and suggests the bare service", async () => {
    const r = await detectIn(module, {
      "Gemfile.lock": "GEM\n  remote: https://rubygems.org/\n  specs:\n    pg (1.5.4)\n    rails (7.1.0)\n      pg\n",
    });
    expect(r.confidence).toBe(1);
    expect(where(r)).toEqual(["dependency=pg @ Gemfile.lock:4"]);
    expect(r.signals[0].evidence?.snippet).toBe("    pg (1.5.4)");
    expect(r.facts).toEqual({ service: "postgres", clients: "pg" });
    expect(r.diagnostics).toEqual([]);
  });

  it("reads Rails' database.yml adapter, Prisma's datasource, Django's ENGINE and .env.example URLs", async () => {
    const r = await detectIn(module, {
      "config/database.yml": "default: &default\n  adapter: postgresql\n  encoding: unicode\n",
      "prisma/schema.prisma":
        'generator client {\n  provider = "prisma-client-js"\n}\ndatasource db {\n  provider = "postgresql"\n}\n',
      "shop/settings.py":
        "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n    }\n}\n",
      ".env.example": "PORT=3000\nDATABASE_URL=postgresql://localhost/dev\n",
    });
    expect(where(r)).toEqual([
      "config=postgresql @ config/database.yml:2",
      "config=postgresql @ prisma/schema.prisma:5",
      "config=postgresql @ shop/settings.py:3",
      "config=postgresql @ .env.example:2",
    ]);
    expect(r.facts.service).toBe("postgres");
  });

  it("finds clients in package.json dependencies but not in scripts", async () => {
    const r = await detectIn(module, {
      "package.json": JSON.stringify(
        { scripts: { pg: "psql" }, dependencies: { express: "4", pg: "^8.11.0" } },
        null,
        2,
      ),
    });
    expect(where(r)).toEqual(["dependency=pg @ package.json:7"]);
    const none = await detectIn(module, { "package.json": JSON.stringify({ scripts: { pg: "psql" } }) });
    expect(none.confidence).toBe(0);
  });

  it("finds Python drivers in requirements, pyproject (PEP 621 and Poetry) and lock files, not in keywords", async () => {
    const r = await detectIn(module, {
      "requirements.txt": "django==5.0\npsycopg2-binary==2.9.9 ; python_version >= '3.8'\n",
      "svc/pyproject.toml":
        '[project]\nname = "svc"\nkeywords = ["asyncpg"]\ndependencies = ["psycopg[binary]>=3.1"]\n',
      "worker/pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.12"\nasyncpg = "^0.29"\n',
      "api/poetry.lock": '[[package]]\nname = "psycopg2"\nversion = "2.9.9"\n',
    });
    expect(where(r)).toEqual([
      "dependency=psycopg2-binary @ requirements.txt:2",
      "dependency=psycopg2 @ api/poetry.lock:2",
      "dependency=psycopg @ svc/pyproject.toml:4",
      "dependency=asyncpg @ worker/pyproject.toml:3",
    ]);
  });

  it("finds Go and Rust drivers (pgx with a major-version suffix, sqlx's postgres crate)", async () => {
    const r = await detectIn(module, {
      "go.mod": "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.5\n)\n",
      "Cargo.lock":
        'version = 3\n\n[[package]]\nname = "sqlx"\nversion = "0.7.4"\n\n[[package]]\nname = "sqlx-postgres"\nversion = "0.7.4"\n',
    });
    expect(where(r)).toEqual(["dependency=sqlx-postgres @ Cargo.lock:8", "dependency=github.com/jackc/pgx @ go.mod:6"]);
  });

  it("ignores manifests of installed packages and fixtures", async () => {
    const r = await detectIn(module, {
      "node_modules/knex/package.json": JSON.stringify({ dependencies: { pg: "8" } }),
      "spec/fixtures/Gemfile.lock": "GEM\n  specs:\n    pg (1.5.4)\n",
    });
    expect(r.confidence).toBe(0);
    expect([r.signals, r.facts]).toEqual([[], {}]);
  });

  it("takes the version from a compose file's image, with the image line as evidence", async () => {
    const r = await detectIn(module, {
      "docker-compose.yml": "services:\n  app:\n    image: acme/app\n  db:\n    image: postgres:15.6-alpine\n",
    });
    expect(where(r)).toEqual(["image=postgres:15.6-alpine @ docker-compose.yml:5"]);
    expect(r.facts).toEqual({ service: "postgres:15.6-alpine", image: "postgres:15.6-alpine", version: "15.6-alpine" });
  });

  it("keeps an extension image as written (postgis)", async () => {
    const r = await detectIn(module, { "compose.yaml": "services:\n  db:\n    image: 'postgis/postgis:16-3.4'\n" });
    expect(r.facts.service).toBe("postgis/postgis:16-3.4");
  });

  it("warns when compose files name different versions, naming both places, and uses the root one", async () => {
    const r = await detectIn(module, {
      "docker-compose.yml": "services:\n  db:\n    image: postgres:15\n",
      "deploy/docker-compose.ci.yml": "services:\n  db:\n    image: postgres:16\n  cache:\n    image: postgres:15.6\n",
    });
    expect(r.facts.service).toBe("postgres:15");
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "POSTGRES-001",
        "postgres images disagree: docker-compose.yml says postgres:15 (used), deploy/docker-compose.ci.yml says postgres:16 (deploy/docker-compose.ci.yml:3)",
      ],
    ]);
    expect([r.diagnostics[0].loc?.file, r.diagnostics[0].loc?.line]).toEqual(["docker-compose.yml", 3]);
  });

  it("falls back to the bare name when the compose image is templated", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a compose variable, not a JS template
    const r = await detectIn(module, { "docker-compose.yml": "services:\n  db:\n    image: postgres:${PG:-15}\n" });
    expect(r.confidence).toBe(1);
    expect(r.facts).toEqual({ service: "postgres" });
  });

  it("finds nothing in a repository without postgres", async () => {
    const r = await detectIn(module, {
      "Gemfile.lock": "GEM\n  specs:\n    mysql2 (0.5.6)\n",
      "docker-compose.yml": "services:\n  db:\n    image: mysql:8\n",
    });
    expect(r.confidence).toBe(0);
  });
});
