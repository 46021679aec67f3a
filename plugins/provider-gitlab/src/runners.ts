/**
 * Runner classes as job settings, usually `tags` that pick a runner. A class's GitLab settings
 * from `runners:` are used as given (any job keys, merged into the job); without them the built-in
 * classes map to GitLab.com's hosted Linux runners, with the arm64 ones for `arch: arm64`.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { UNKNOWN_RUNNER_CLASS } from "./codes";
import { parseConfig } from "./provider-config";

const tags = (size: string, arch: string): JsonObject => ({ tags: [`saas-linux-${size}-${arch}`] });

/** Built-in settings per class and architecture; "default" on amd64 leaves the choice to GitLab. */
const BUILT_IN: Record<string, Record<string, JsonObject>> = {
  amd64: {
    default: {},
    small: tags("small", "amd64"),
    medium: tags("medium", "amd64"),
    large: tags("large", "amd64"),
    xlarge: tags("xlarge", "amd64"),
  },
  arm64: {
    default: tags("small", "arm64"),
    small: tags("small", "arm64"),
    medium: tags("medium", "arm64"),
    large: tags("large", "arm64"),
  },
};

/** The job keys the runner class adds (e.g. `tags`). */
export function runnerSettings(job: Job): { settings: JsonObject; diagnostics: Diagnostic[] } {
  const className = job.runner?.className || "default";
  if (job.runner?.settingsJson) {
    return parseConfig(job.runner.settingsJson, `runners.${className}.gitlab`, job);
  }
  const arch = job.arch === "arm64" ? "arm64" : "amd64";
  const builtIn = BUILT_IN[arch][className];
  if (builtIn) return { settings: builtIn, diagnostics: [] };
  return {
    settings: {},
    diagnostics: [
      diagnostic({
        code: UNKNOWN_RUNNER_CLASS,
        message: `job "${job.id}": runner "${className}"${arch === "arm64" ? " on arm64" : ""} has no gitlab settings and no built-in default on the gitlab provider`,
        hint: `add gitlab settings to the runner class, e.g. runners: { ${className}: { gitlab: { tags: [my-runner] } } }`,
        loc: job.loc,
      }),
    ],
  };
}
