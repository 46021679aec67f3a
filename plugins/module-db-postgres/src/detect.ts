import { imageRepository, type ServiceDetectSpec } from "@cigen/module-kit";
import { PostgresCodes } from "./codes";
import { SERVED_IMAGES } from "./service";

/** What says a repository talks to PostgreSQL (docs/modules/db-postgres.md lists it for users). */
export const POSTGRES_DETECTION: ServiceDetectSpec = {
  service: "postgres",
  dependencies: {
    gems: ["pg"],
    npm: ["pg", "postgres", "pg-promise"],
    python: ["psycopg", "psycopg2", "psycopg2-binary", "asyncpg"],
    go: ["github.com/lib/pq", "github.com/jackc/pgx"],
    // sqlx and diesel pull these in only with their postgres feature.
    cargo: ["tokio-postgres", "postgres", "sqlx-postgres", "pq-sys"],
  },
  images: Object.values(SERVED_IMAGES).map(imageRepository),
  configs: [
    { file: "config/database.yml", pattern: /^\s*adapter:\s*["']?(postgresql|postgis)\b/m },
    { file: "schema.prisma", pattern: /^\s*provider\s*=\s*"(postgresql)"/m },
    {
      file: "settings.py",
      pattern: /["']ENGINE["']\s*:\s*["']django\.(?:contrib\.gis\.)?db\.backends\.(postgresql|postgis)/,
    },
    ...[".env.example", ".env.sample", ".env.test"].map((file) => ({
      file,
      pattern: /^\s*(?:export\s+)?[A-Z0-9_]*URL\s*=\s*["']?(postgres(?:ql)?):\/\//m,
    })),
  ],
  imagesDisagree: PostgresCodes.IMAGES_DISAGREE,
};
