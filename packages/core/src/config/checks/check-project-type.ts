import { ConfigCodes } from "../codes";
import { type ConfigCheck, configError } from "./config-error";

/** `project.type: turborepo` is reserved: accepted, but it changes nothing yet, so say so. */
export const checkProjectType: ConfigCheck = (config) => {
  if (config.raw.project?.type !== "turborepo") return [];
  const message = 'project type "turborepo" is not implemented yet: jobs are planned as for "default"';
  const hint = "workspace-aware affected detection will use it once it exists";
  return [configError(config, ConfigCodes.TURBOREPO_NOT_YET, ["project", "type"], message, hint, "warning")];
};
