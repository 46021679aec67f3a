import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Model } from "@cigen/protocol";
import {
  deepMerge,
  generatedHeader,
  type JsonObject,
  parseProviderConfig,
  type SkipSettings,
  toYaml,
} from "@cigen/provider-kit";
import { KEY_COLLISION } from "./codes";
import { jobConditions } from "./dependencies";
import { translateJob } from "./job";
import { approvalKey, START_KEY, stepKey } from "./keys";
import { composeFile } from "./services";
import { planPipeline, skipDiagnostics } from "./skip-plan";
import { modelOccasions, SCHEDULE_VAR, WORKFLOW_VAR } from "./triggers";

/** The default output path. */
export const PIPELINE_PATH = ".buildkite/pipeline.yml";

/** The generated files: the pipeline, and the compose file when a job has services. */
export interface BuildkiteFiles {
  pipeline: { path: string; content: string };
  compose?: { path: string; content: string };
}

/**
 * Builds `.buildkite/pipeline.yml`: one command step per job with an `if:` saying when it runs,
 * then the approval block steps (last, so no step waits for them implicitly; a block without
 * upstream depends on a leading wait step for the same reason). Top-level provider_config is
 * merged last. With job skipping, a normal generate writes the planning step instead (see
 * skip-plan.ts; the compose file is still written, the uploaded steps use it).
 */
export function buildFiles(
  model: Model,
  outputPath: string,
  report: (d: Diagnostic) => void,
  skip?: SkipSettings,
): BuildkiteFiles {
  const path = outputPath || PIPELINE_PATH;
  const compose = composeFile(path);
  checkKeys(model, report);
  for (const d of skipDiagnostics(model, skip)) report(d);
  const occasions = modelOccasions(model, report);
  const conditions = jobConditions(model, occasions);
  const steps: JsonObject[] = [];
  const blocks: JsonObject[] = [];
  const services: JsonObject = {};
  for (const job of model.jobs) {
    const cond = conditions.get(job.id);
    if (!cond || cond.kind === "false") continue;
    const t = translateJob(job, cond, { model, compose, report, skip });
    steps.push(t.step);
    if (t.block) blocks.push(t.block);
    Object.assign(services, t.compose);
  }
  const start = blocks.some((b) => (b.depends_on as unknown[]).includes(START_KEY));
  const doc =
    planPipeline(model, skip) ??
    deepMerge(
      { steps: [...(start ? [{ wait: null, key: START_KEY }] : []), ...steps, ...blocks] },
      parseProviderConfig(model.providerConfigJson),
    );
  const header = generatedHeader("buildkite", model.configPath) + notes(model).join("\n");
  const files: BuildkiteFiles = { pipeline: { path, content: header + toYaml(doc) } };
  if (Object.keys(services).length) {
    files.compose = {
      path: compose.path,
      content: `${generatedHeader("buildkite", model.configPath)}${toYaml({ services })}`,
    };
  }
  return files;
}

/** Header comments: the schedules to create and how to start a manual workflow. */
function notes(model: Model): string[] {
  const lines: string[] = [];
  for (const w of model.workflows) {
    (w.triggers?.schedules ?? []).forEach((cron, i) => {
      if (lines.length === 0) lines.push("# Schedules to create in Buildkite (Pipeline Settings > Schedules):");
      lines.push(`#   cron "${cron}" with env ${SCHEDULE_VAR}=${w.id}-schedule-${i + 1}`);
    });
  }
  const manual = model.workflows.filter((w) => w.triggers?.manual).map((w) => w.id);
  if (manual.length) lines.push(`# Run a workflow by hand: New Build with env ${WORKFLOW_VAR}=<${manual.join("|")}>`);
  return lines.length ? [...lines, ""] : [];
}

function checkKeys(model: Model, report: (d: Diagnostic) => void): void {
  const owners = new Map<string, string>();
  const claim = (key: string, id: string) => {
    const other = owners.get(key);
    if (other !== undefined && other !== id) {
      report(
        diagnostic({
          code: KEY_COLLISION,
          message: `jobs "${other}" and "${id}" both become buildkite step key "${key}"`,
          hint: "rename one of the jobs",
          loc: model.jobs.find((j) => j.id === id)?.loc,
        }),
      );
    }
    owners.set(key, id);
  };
  claim(START_KEY, "");
  for (const job of model.jobs) {
    claim(stepKey(job.id), job.id);
    if (job.trigger?.manual) claim(approvalKey(job.id), job.id);
  }
}
