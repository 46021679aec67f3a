import type { ServiceConfig } from "../config/config-types";

/**
 * Service containers a job may name without defining them (`services: [postgres]`). Service
 * modules will take these over; until then the core knows a sensible default for each.
 */
export const BUILTIN_SERVICES: Readonly<Record<string, ServiceConfig>> = {
  mysql: {
    image: "mysql:8.4",
    env: { MYSQL_ROOT_PASSWORD: "mysql", MYSQL_DATABASE: "test" },
    ports: [3306],
    health_cmd: "mysqladmin ping -h 127.0.0.1 -pmysql",
  },
  postgres: {
    image: "postgres:16",
    env: { POSTGRES_USER: "postgres", POSTGRES_PASSWORD: "postgres", POSTGRES_DB: "test" },
    ports: [5432],
    health_cmd: "pg_isready -U postgres",
  },
  redis: {
    image: "redis:7",
    ports: [6379],
    health_cmd: "redis-cli ping",
  },
};
