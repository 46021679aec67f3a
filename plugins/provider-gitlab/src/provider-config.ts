/** provider_config values (top level, per job, per runner class) read with a diagnostic on bad JSON. */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { type JsonObject, readProviderConfig } from "@cigen/provider-kit";
import { INVALID_PROVIDER_CONFIG } from "./codes";

/** Parses `json` (empty = no settings); `where` names the key for the message. */
export function parseConfig(
  json: string,
  where: string,
  job?: Job,
): { settings: JsonObject; diagnostics: Diagnostic[] } {
  const settings = readProviderConfig(json);
  if (settings) return { settings, diagnostics: [] };
  const subject = job ? `job "${job.id}": ` : "";
  return {
    settings: {},
    diagnostics: [
      diagnostic({
        code: INVALID_PROVIDER_CONFIG,
        message: `${subject}${where} for the gitlab provider is not a JSON object`,
        hint: "write it as a mapping of GitLab keys",
        loc: job?.loc,
      }),
    ],
  };
}
