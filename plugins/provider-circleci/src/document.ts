import type { Diagnostic, Model } from "@cigen/protocol";
import { deepMerge, generatedHeader, type JsonObject, parseProviderConfig, toYaml } from "@cigen/provider-kit";
import { checkModel } from "./checks";
import { translateJob } from "./job";
import { circleJobName } from "./job-names";
import { pipelineParameters } from "./triggers";
import { translateWorkflows } from "./workflows";

/** The default output path. */
export const CONFIG_PATH = ".circleci/config.yml";

/** The generated config as a document plus the schedule triggers it expects to exist. */
export interface CircleDocument {
  doc: JsonObject;
  schedules: { name: string; cron: string }[];
}

/** Builds the whole `.circleci/config.yml` document; top-level provider_config is merged last. */
export function buildDocument(model: Model, report: (d: Diagnostic) => void): CircleDocument {
  checkModel(model, report);
  const jobs: JsonObject = {};
  for (const job of model.jobs) jobs[circleJobName(job.id)] = translateJob(job, report);
  const { workflows, schedules } = translateWorkflows(model, report);
  const parameters = pipelineParameters(model);
  const doc: JsonObject = { version: 2.1, ...(parameters ? { parameters } : {}), jobs, workflows };
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
