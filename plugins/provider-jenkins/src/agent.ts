/**
 * Where a job runs: `agent { docker { image } }` for a job with an image (and no services),
 * `agent { label }` for a runner class or architecture, else `agent any`. A class's `jenkins:`
 * settings give its label (`{label: "linux && big"}`); built-in classes use their own name as the
 * label, with `arm64` added for arm64 jobs, which is the convention to give agents those labels.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { INVALID_RUNNER_SETTINGS } from "./codes";
import { block, groovyString } from "./groovy-string";
import { parseConfig } from "./provider-config";

const BUILT_IN = new Set(["default", "small", "medium", "large", "xlarge"]);

/** The agent label for the job, or "" for any agent. */
export function agentLabel(job: Job): { label: string; diagnostics: Diagnostic[] } {
  const className = job.runner?.className || "default";
  const arm = job.arch === "arm64";
  if (job.runner?.settingsJson) {
    const { settings, diagnostics } = parseConfig(job.runner.settingsJson, `runners.${className}.jenkins`, job);
    if (typeof settings.label === "string" && settings.label) return { label: settings.label, diagnostics };
    return { label: "", diagnostics: [...diagnostics, invalid(job, className, "has no label")] };
  }
  if (!BUILT_IN.has(className))
    return { label: "", diagnostics: [invalid(job, className, "has no jenkins settings and no built-in default")] };
  const parts = [...(className === "default" ? [] : [className]), ...(arm ? ["arm64"] : [])];
  return { label: parts.join(" && "), diagnostics: [] };
}

function invalid(job: Job, className: string, what: string): Diagnostic {
  return diagnostic({
    code: INVALID_RUNNER_SETTINGS,
    message: `job "${job.id}": runner "${className}" ${what} on the jenkins provider`,
    hint: `give the class a label, e.g. runners: { ${className}: { jenkins: { label: "linux && ${className}" } } }`,
    loc: job.loc,
  });
}

/**
 * The stage's `agent` directive lines. A job with services needs the agent itself, where Docker
 * runs: it enters its image in the steps, after the services started (see service-steps.ts).
 */
export function agentLines(job: Job, label: string): string[] {
  if (job.image && !job.services.length) {
    const docker = [`image ${groovyString(job.image)}`, ...(label ? [`label ${groovyString(label)}`] : [])];
    return block("agent", block("docker", docker));
  }
  return label ? [`agent { label ${groovyString(label)} }`] : ["agent any"];
}
