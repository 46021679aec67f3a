import { planIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const job = (services: string[]) => ({ jobId: "test", baseId: "test", services });
const connection = (r: Awaited<ReturnType<typeof planIn>>) =>
  Object.fromEntries(r.contributions[0].services[0].connectionEnv.map((c) => [c.name, c.template]));

describe("db/mysql plan", () => {
  it("gives a bare `mysql` the default image, root password, database, port and a TCP health check", async () => {
    const r = await planIn(module, {}, [job(["mysql"])]);
    const [service] = r.contributions[0].services;
    expect([service.name, service.image, service.ports, service.healthCmd, service.module]).toEqual([
      "mysql",
      "mysql:8.4",
      [3306],
      "mysqladmin ping -h 127.0.0.1 -pmysql",
      "db/mysql",
    ]);
    expect(service.env.map((e) => `${e.name}=${e.value?.parts[0].kind.value}`)).toEqual([
      "MYSQL_ROOT_PASSWORD=mysql",
      "MYSQL_DATABASE=test",
    ]);
    expect(connection(r)).toEqual({ DATABASE_URL: "mysql://root:mysql@{host}:{port}/test" });
    expect(r.contributions[0].signatureValues).toEqual({ mysql: "mysql:8.4" });
  });

  it("writes DATABASE_URL with the scheme the Ruby client needs", async () => {
    const mysql2 = await planIn(module, { "Gemfile.lock": "GEM\n  specs:\n    mysql2 (0.5.6)\n" }, [job(["mysql"])]);
    expect(connection(mysql2).DATABASE_URL).toBe("mysql2://root:mysql@{host}:{port}/test");
    const trilogy = await planIn(module, { Gemfile: 'gem "trilogy"\n' }, [job(["mysql:8.0"])]);
    expect(connection(trilogy).DATABASE_URL).toBe("trilogy://root:mysql@{host}:{port}/test");
  });

  it("serves MariaDB by name and checks it with its own healthcheck script", async () => {
    expect(module.info.capabilities).toEqual(["module:db/mysql", "service:mysql", "service:mariadb"]);
    const r = await planIn(module, {}, [job(["mariadb:10.11"]), { ...job(["mariadb"]), jobId: "bare" }]);
    expect(r.contributions.map((c) => [c.services[0].name, c.services[0].image, c.services[0].healthCmd])).toEqual([
      ["mysql", "mariadb:10.11", "healthcheck.sh --connect --innodb_initialized"],
      ["mysql", "mariadb:11.4", "healthcheck.sh --connect --innodb_initialized"],
    ]);
  });
});
