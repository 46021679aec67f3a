import type { Diagnostic, Model } from "@cigen/protocol";
import {
  artifactSources,
  deepMerge,
  generatedHeader,
  isSkippable,
  type JsonObject,
  parseProviderConfig,
  type SkipSettings,
  toYaml,
} from "@cigen/provider-kit";
import { checkModel } from "./checks";
import { translateJob } from "./job";
import { circleJobName } from "./job-names";
import { setupDocument } from "./skip-setup";
import { NO_SKIP_STEPS, skipSteps } from "./skip-steps";
import { allSkippedWorkflow } from "./skip-workflow";
import { pipelineParameters } from "./triggers";
import { translateWorkflows } from "./workflows";

/** The default output path. */
export const CONFIG_PATH = ".circleci/config.yml";

/** The generated config as a document plus the schedule triggers it expects to exist. */
export interface CircleDocument {
  doc: JsonObject;
  schedules: { name: string; cron: string }[];
}

/**
 * Builds the whole `.circleci/config.yml` document; top-level provider_config is merged last.
 * With skipping (`skip` given and some job skippable) a normal generate writes the setup config
 * instead (the full document is still built, for its diagnostics and schedules), and a
 * continuation generate adds each job's skipping steps.
 */
export function buildDocument(model: Model, report: (d: Diagnostic) => void, skip?: SkipSettings): CircleDocument {
  checkModel(model, report);
  const continuation = skip?.mode === "continuation";
  const sources = artifactSources(model);
  const jobs: JsonObject = {};
  for (const job of model.jobs) {
    const steps = continuation && skip ? skipSteps(job, skip, sources) : NO_SKIP_STEPS;
    jobs[circleJobName(job.id)] = translateJob(job, report, steps);
  }
  const { workflows, schedules } = translateWorkflows(model, report);
  if (continuation && Object.keys(workflows).length === 0) Object.assign(workflows, allSkippedWorkflow(jobs));
  const parameters = pipelineParameters(model);
  const doc: JsonObject = { version: 2.1, ...(parameters ? { parameters } : {}), jobs, workflows };
  if (skip?.mode === "setup" && model.jobs.some(isSkippable)) return { doc: setupDocument(model, skip), schedules };
  return { doc: deepMerge(doc, parseProviderConfig(model.providerConfigJson)), schedules };
}

/** The file text: the generated-by header, the schedule triggers to create, then the YAML. */
export function renderDocument(model: Model, document: CircleDocument): string {
  const notes = document.schedules.length
    ? [
        "# Schedule triggers to create in CircleCI (Project Settings > Triggers), each named as below:",
        ...document.schedules.map((s) => `#   ${s.name}: "${s.cron}" (UTC)`),
        "",
      ]
    : [];
  return generatedHeader("circleci", model.configPath) + notes.join("\n") + toYaml(document.doc);
}
