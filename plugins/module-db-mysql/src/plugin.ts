import { detectService, planServices } from "@cigen/module-kit";
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { MysqlCodes } from "./codes";
import { MYSQL_DETECTION } from "./detect";
import { mysqlService, SERVED_IMAGES } from "./service";
import { urlScheme } from "./url-scheme";
import { MODULE_VERSION } from "./version";

/** The db/mysql module: MySQL service containers. */
export const module: PluginDefinition = {
  info: {
    name: "db/mysql",
    version: MODULE_VERSION,
    capabilities: ["module:db/mysql", ...Object.keys(SERVED_IMAGES).map((name) => `service:${name}`)],
  },
  hooks: {
    detect: (snapshot) => detectService(snapshot, MYSQL_DETECTION),
    plan: (request) => {
      const scheme = urlScheme(request.repoRoot);
      return planServices(request, {
        module: "db/mysql",
        service: "mysql",
        build: (entry) => mysqlService(entry, scheme),
        notAService: MysqlCodes.NOT_A_SERVICE,
      });
    },
  },
};
