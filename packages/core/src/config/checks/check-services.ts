import type { Diagnostic } from "../../diagnostics/diagnostic";
import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import { type ConfigCheck, configError } from "./config-error";

/** Service names that resolve without a top-level `services` entry (the service modules). */
export const BUILTIN_SERVICE_NAMES = ["mysql", "postgres", "redis"] as const;

/** An image reference contains ':' or '/'; anything else is a service name. */
export function isImageReference(service: string): boolean {
  return service.includes(":") || service.includes("/");
}

/** A job service is an image reference, a top-level `services` name or a built-in service. */
export const checkServices: ConfigCheck = (config) => {
  const known = [...new Set([...Object.keys(config.raw.services ?? {}), ...BUILTIN_SERVICE_NAMES])];
  const out: Diagnostic[] = [];
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    (job.services ?? []).forEach((service, i) => {
      if (isImageReference(service) || known.includes(service)) return;
      const message = `job "${id}" uses unknown service "${service}"`;
      const guess = suggestionHint(service, known, "Known services");
      const hint = `${guess}; or give an image reference such as "${service}:latest"`;
      out.push(configError(config, ConfigCodes.UNKNOWN_SERVICE, ["jobs", id, "services", i], message, hint));
    });
  }
  return out;
};
