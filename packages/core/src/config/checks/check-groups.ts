import type { Diagnostic } from "../../diagnostics/diagnostic";
import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import { type ConfigCheck, configError } from "./config-error";

/** `@name` entries of `source_files` / `skip_if.paths_unmodified` must name a `source_file_groups` entry. */
export const checkGroups: ConfigCheck = (config) => {
  const groups = Object.keys(config.raw.source_file_groups ?? {});
  const out: Diagnostic[] = [];
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    const lists = [
      { globs: job.source_files, path: ["jobs", id, "source_files"] },
      { globs: job.skip_if?.paths_unmodified, path: ["jobs", id, "skip_if", "paths_unmodified"] },
    ];
    for (const { globs, path } of lists) {
      (globs ?? []).forEach((glob, i) => {
        // A leading "!" negates a group as it negates a glob.
        const match = /^!?@(.*)$/.exec(glob);
        if (!match || groups.includes(match[1])) return;
        const message = `job "${id}" references unknown source file group "@${match[1]}"`;
        const hint = suggestionHint(match[1], groups, "Known groups");
        out.push(configError(config, ConfigCodes.UNKNOWN_GROUP, [...path, i], message, hint));
      });
    }
  }
  return out;
};
