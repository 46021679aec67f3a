import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { LoadedConfig } from "../loaded-config";
import { checkCaches } from "./check-caches";
import { checkCommands } from "./check-commands";
import { checkCron } from "./check-cron";
import { checkCycles } from "./check-cycles";
import { checkGroups } from "./check-groups";
import { checkNeeds } from "./check-needs";
import { checkProjectType } from "./check-project-type";
import { checkRetention } from "./check-retention";
import { checkRunners } from "./check-runners";
import { checkVariables } from "./check-variables";
import { checkVariants } from "./check-variants";
import { checkWorkflows } from "./check-workflows";
import type { ConfigCheck } from "./config-error";

/** Every semantic check, run after the schema passed. Each is independent of the others. */
export const CONFIG_CHECKS: readonly ConfigCheck[] = [
  checkProjectType,
  checkVariables,
  checkNeeds,
  checkCycles,
  checkVariants,
  checkGroups,
  checkRunners,
  checkCaches,
  checkWorkflows,
  checkCommands,
  checkCron,
  checkRetention,
];

/** Runs every check. */
export function runConfigChecks(config: LoadedConfig): Diagnostic[] {
  return CONFIG_CHECKS.flatMap((check) => check(config));
}
