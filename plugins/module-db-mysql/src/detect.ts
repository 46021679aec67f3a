import { imageRepository, type ServiceDetectSpec } from "@cigen/module-kit";
import { MysqlCodes } from "./codes";
import { SERVED_IMAGES } from "./service";

/** What says a repository talks to MySQL or MariaDB (docs/modules/db-mysql.md lists it for users). */
export const MYSQL_DETECTION: ServiceDetectSpec = {
  service: "mysql",
  dependencies: {
    gems: ["mysql2", "trilogy"],
    npm: ["mysql", "mysql2"],
    python: ["mysqlclient", "PyMySQL", "aiomysql", "asyncmy", "mysql-connector-python"],
    go: ["github.com/go-sql-driver/mysql"],
    // sqlx and diesel pull these in only with their mysql feature.
    cargo: ["mysql", "mysql_async", "sqlx-mysql", "mysqlclient-sys"],
  },
  images: Object.values(SERVED_IMAGES).map(imageRepository),
  configs: [
    { file: "config/database.yml", pattern: /^\s*adapter:\s*["']?(mysql2|trilogy)\b/m },
    { file: "schema.prisma", pattern: /^\s*provider\s*=\s*"(mysql)"/m },
    { file: "settings.py", pattern: /["']ENGINE["']\s*:\s*["']django\.(?:contrib\.gis\.)?db\.backends\.(mysql)/ },
    ...[".env.example", ".env.sample", ".env.test"].map((file) => ({
      file,
      pattern: /^\s*(?:export\s+)?[A-Z0-9_]*URL\s*=\s*["']?(mysql2?|trilogy):\/\//m,
    })),
  ],
  imagesDisagree: MysqlCodes.IMAGES_DISAGREE,
};
