import { type ServiceInit, serviceImage } from "@cigen/module-kit";

/** The image for a bare `services: [postgres]`: the newest major every provider's registry mirror has. */
export const DEFAULT_IMAGE = "postgres:16";

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "test";

/**
 * The container for one `services:` entry. The official image's variables create the user and the
 * database; images built on it (postgis, pgvector, timescaledb) read the same ones.
 */
export function postgresService(entry: string): Omit<ServiceInit, "name" | "module"> {
  return {
    image: serviceImage(entry, DEFAULT_IMAGE),
    env: { POSTGRES_USER: USER, POSTGRES_PASSWORD: PASSWORD, POSTGRES_DB: DATABASE },
    ports: [5432],
    healthCmd: `pg_isready -U ${USER}`,
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
