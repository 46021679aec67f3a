import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import { type ConfigCheck, configError, listItems } from "./config-error";

/** `needs` and `needs_any` must name jobs of this config. */
export const checkNeeds: ConfigCheck = (config) => {
  const jobs = config.raw.jobs;
  const ids = Object.keys(jobs);
  const known = new Set(ids);
  const out = [];
  for (const [id, job] of Object.entries(jobs)) {
    for (const key of ["needs", "needs_any"] as const) {
      for (const { item, path } of listItems(job[key], ["jobs", id, key])) {
        if (known.has(item)) continue;
        const others = ids.filter((other) => other !== id);
        const verb = key === "needs" ? "needs" : "needs (any of)";
        const message = `job "${id}" ${verb} unknown job "${item}"`;
        out.push(
          configError(config, ConfigCodes.UNKNOWN_NEED, path, message, suggestionHint(item, others, "Known jobs")),
        );
      }
    }
  }
  return out;
};
