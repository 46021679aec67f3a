import type { Diagnostic } from "../../diagnostics/diagnostic";
import { ConfigCodes } from "../codes";
import { type ConfigCheck, configKeyError } from "./config-error";

/** Names interpolation gives a meaning of its own, so a variable may not take them. */
export const RESERVED_NAMES = [
  "arch",
  "checksum",
  "env",
  "git",
  "matrix",
  "os",
  "params",
  "secrets",
  "variables",
] as const;

/** Variables may not use reserved names. */
export const checkVariables: ConfigCheck = (config) => {
  const out: Diagnostic[] = [];
  for (const name of Object.keys(config.raw.variables ?? {})) {
    if (!(RESERVED_NAMES as readonly string[]).includes(name)) continue;
    const message = `variable name "${name}" is reserved`;
    const hint = `rename it; reserved names: ${RESERVED_NAMES.join(", ")}`;
    out.push(configKeyError(config, ConfigCodes.RESERVED_VARIABLE, ["variables", name], message, hint));
  }
  return out;
};
