import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { isObject, type JsonObject, parseProviderConfig } from "@cigen/provider-kit";
import { UNKNOWN_RUNNER } from "./codes";

/** Built-in runner classes: each a queue of the same name; `default` is Buildkite's default queue. */
const BUILT_IN: Record<string, JsonObject> = {
  default: {},
  small: { queue: "small" },
  medium: { queue: "medium" },
  large: { queue: "large" },
  xlarge: { queue: "xlarge" },
};

/**
 * The step keys that choose where a job runs. A runner class's `buildkite` settings are step
 * keys (typically `agents: {queue: ...}`); without them the built-in classes map to queues of
 * their name. A job's `arch` adds the agent tag `arch` (agents started with `--tags arch=arm64`),
 * unless the settings target an arch themselves.
 */
export function runnerFields(job: Job, report: (d: Diagnostic) => void): JsonObject {
  const className = job.runner?.className || "default";
  const settings = parseProviderConfig(job.runner?.settingsJson ?? "");
  let fields: JsonObject;
  if (Object.keys(settings).length > 0) {
    fields = { ...settings };
  } else if (BUILT_IN[className]) {
    fields = Object.keys(BUILT_IN[className]).length ? { agents: { ...BUILT_IN[className] } } : {};
  } else {
    report(
      diagnostic({
        code: UNKNOWN_RUNNER,
        message: `job "${job.id}": runner class "${className}" has no buildkite settings`,
        hint: `add runners.${className}.buildkite: { agents: { queue: ... } } to cigen.yml`,
        loc: job.loc,
      }),
    );
    fields = {};
  }
  if (job.arch) {
    if (Array.isArray(fields.agents)) {
      // The list form of agents: `["queue=x", "arch=arm64"]`.
      const tags = fields.agents as unknown[];
      if (!tags.some((t) => typeof t === "string" && t.startsWith("arch=")))
        fields.agents = [...tags, `arch=${job.arch}`];
    } else {
      const agents = isObject(fields.agents) ? fields.agents : {};
      if (!("arch" in agents)) fields.agents = { ...agents, arch: job.arch };
    }
  }
  return fields;
}
