import { type ServiceInit, serviceImage } from "@cigen/module-kit";

/** The image for a bare `services: [postgres]`, as cigen always started it. */
export const DEFAULT_IMAGE = "postgres:16";

/**
 * Every service name this module serves, with the image a bare entry of it runs. The core routes
 * an entry by its image's name (`postgis/postgis:16-3.4` -> postgis), so the images built on the
 * official one need their names here to reach this module rather than run without credentials.
 */
export const SERVED_IMAGES: Readonly<Record<string, string>> = {
  postgres: DEFAULT_IMAGE,
  postgis: "postgis/postgis:16-3.4",
  pgvector: "pgvector/pgvector:pg16",
  timescaledb: "timescale/timescaledb:latest-pg16",
  "timescaledb-ha": "timescale/timescaledb-ha:pg16",
};

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "test";

/**
 * The container for one `services:` entry. The official image's variables create the user and the
 * database; images built on it (postgis, pgvector, timescaledb) read the same ones.
 */
export function postgresService(entry: string): Omit<ServiceInit, "name" | "module"> {
  return {
    image: serviceImage(entry, SERVED_IMAGES[entry] ?? DEFAULT_IMAGE),
    env: { POSTGRES_USER: USER, POSTGRES_PASSWORD: PASSWORD, POSTGRES_DB: DATABASE },
    ports: [5432],
    // Over TCP: during the image's first start a temporary server listens only on the socket, and a
    // check without -h would call the database ready before the real server is up.
    healthCmd: `pg_isready -h 127.0.0.1 -U ${USER}`,
    connection: {
      DATABASE_URL: `postgres://${USER}:${PASSWORD}@{host}:{port}/${DATABASE}`,
      // libpq's own variables, so psql, pg_dump and drivers without a URL find the server too.
      PGHOST: "{host}",
      PGPORT: "{port}",
      PGUSER: USER,
      PGPASSWORD: PASSWORD,
    },
  };
}
