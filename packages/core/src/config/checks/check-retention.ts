import type { Diagnostic } from "../../diagnostics/diagnostic";
import { ConfigCodes } from "../codes";
import { parseDurationHours } from "../parse-duration";
import { type ConfigCheck, configError } from "./config-error";

/** Artifact `retention` must be a duration such as `7d` or `12h`. */
export const checkRetention: ConfigCheck = (config) => {
  const out: Diagnostic[] = [];
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    (job.artifacts ?? []).forEach((artifact, i) => {
      if (typeof artifact === "string" || artifact.retention === undefined) return;
      if (parseDurationHours(artifact.retention) !== undefined) return;
      const retention = artifact.retention;
      const message = `job "${id}": artifact retention ${JSON.stringify(retention)} is not a duration`;
      const hint =
        typeof retention === "number"
          ? `add a unit: "${retention}d" for days or "${retention}h" for hours`
          : 'write a whole number with a unit: "12h", "7d" or "2w"';
      out.push(
        configError(config, ConfigCodes.INVALID_DURATION, ["jobs", id, "artifacts", i, "retention"], message, hint),
      );
    });
  }
  return out;
};
