import { expandJobs } from "../../model/expand-jobs";
import type { ConfigCheck } from "./config-error";

/** Matrix expansion must give unique variant ids and at least one variant per job. */
export const checkVariants: ConfigCheck = (config) => expandJobs(config).diagnostics;
