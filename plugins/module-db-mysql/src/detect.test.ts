import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const where = (r: Awaited<ReturnType<typeof detectIn>>) =>
  r.signals.map((s) => `${s.name}=${s.value} @ ${s.evidence?.file}:${s.evidence?.line}`);

describe("db/mysql detect", () => {
  it("finds Ruby clients in Gemfile.lock and Rails' adapter", async () => {
    const r = await detectIn(module, {
      "Gemfile.lock": "GEM\n  specs:\n    mysql2 (0.5.6)\n    trilogy (2.8.0)\n",
      "config/database.yml": "default: &default\n  adapter: trilogy\n",
    });
    expect(where(r)).toEqual([
      "dependency=mysql2 @ Gemfile.lock:3",
      "dependency=trilogy @ Gemfile.lock:4",
      "config=trilogy @ config/database.yml:2",
    ]);
    expect(r.facts).toEqual({ service: "mysql", clients: "mysql2,trilogy" });
  });

  it("finds npm, Python (any spelling PyPI accepts), Go and Rust clients", async () => {
    const r = await detectIn(module, {
      "package.json": JSON.stringify({ devDependencies: { mysql2: "^3.9.0" } }),
      "requirements/base.txt": "pymysql>=1.1\n",
      "go.mod": "module x\n\nrequire github.com/go-sql-driver/mysql v1.8.1\n",
      "Cargo.toml": '[package]\nname = "x"\n\n[dependencies]\nmysql_async = "0.34"\n',
    });
    expect(where(r)).toEqual([
      "dependency=mysql_async @ Cargo.toml:5",
      "dependency=github.com/go-sql-driver/mysql @ go.mod:3",
      "dependency=mysql2 @ package.json:1",
      "dependency=PyMySQL @ requirements/base.txt:1",
    ]);
  });

  it("reads Prisma's and Django's database settings", async () => {
    const r = await detectIn(module, {
      "schema.prisma": 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n',
      "app/settings.py": 'DATABASES = {"default": {"ENGINE": "django.db.backends.mysql"}}\n',
    });
    expect(where(r)).toEqual(["config=mysql @ schema.prisma:2", "config=mysql @ app/settings.py:1"]);
  });

  it("takes the image from compose, MariaDB included", async () => {
    const r = await detectIn(module, { "docker-compose.yml": "services:\n  db:\n    image: mariadb:11.4\n" });
    expect(r.facts).toEqual({ service: "mariadb:11.4", image: "mariadb:11.4", version: "11.4" });
    expect(where(r)).toEqual(["image=mariadb:11.4 @ docker-compose.yml:3"]);
  });

  it("warns when compose files name different images", async () => {
    const r = await detectIn(module, {
      "docker-compose.yml": "services:\n  db:\n    image: mysql:8.0\n",
      "docker-compose.test.yml": "services:\n  db:\n    image: mariadb:10.11\n",
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["MYSQL-001"]);
    expect(r.diagnostics[0].message).toContain("docker-compose.test.yml says mariadb:10.11");
  });

  it("finds nothing without mysql", async () => {
    expect((await detectIn(module, { "Gemfile.lock": "GEM\n  specs:\n    pg (1.5.4)\n" })).confidence).toBe(0);
  });
});
