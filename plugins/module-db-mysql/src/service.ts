import { imageRepository, type ServiceInit, serviceImage } from "@cigen/module-kit";

/** The image for a bare `services: [mysql]`: the current LTS release. */
export const DEFAULT_IMAGE = "mysql:8.4";

/** Every service name this module serves (the core routes `mariadb:11` by its name), with a bare entry's image. */
export const SERVED_IMAGES: Readonly<Record<string, string>> = { mysql: DEFAULT_IMAGE, mariadb: "mariadb:11.4" };

const PASSWORD = "mysql";
const DATABASE = "test";

/**
 * The container for one `services:` entry. MariaDB images read the same MYSQL_* variables, but
 * recent ones ship no mysqladmin, so they are checked with their own healthcheck script.
 */
export function mysqlService(entry: string, scheme: string): Omit<ServiceInit, "name" | "module"> {
  const image = serviceImage(entry, SERVED_IMAGES[entry] ?? DEFAULT_IMAGE);
  const mariadb = imageRepository(image) === "mariadb";
  return {
    image,
    env: { MYSQL_ROOT_PASSWORD: PASSWORD, MYSQL_DATABASE: DATABASE },
    ports: [3306],
    // Over TCP: during initialization the server listens on its socket only, so a socket ping passes too early.
    healthCmd: mariadb ? "healthcheck.sh --connect --innodb_initialized" : `mysqladmin ping -h 127.0.0.1 -p${PASSWORD}`,
    connection: { DATABASE_URL: `${scheme}://root:${PASSWORD}@{host}:{port}/${DATABASE}` },
  };
}
