/** The Generate hook: the model in, one .gitlab-ci.yml fragment out. */

import type { MessageInitShape } from "@bufbuild/protobuf";
import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, GenerateRequest, GenerateResponse, GenerateResponseSchema } from "@cigen/protocol";
import { FragmentFormat, MergeStrategy } from "@cigen/protocol";
import { generatedHeader, toYaml } from "@cigen/provider-kit";
import { SCHEDULE_SETUP } from "./codes";
import { buildDocument } from "./document";
import { gitlabSkip } from "./skip-mode";
import { modelSchedules, SCHEDULE_VARIABLE } from "./triggers";

/** Where the file goes when cigen.yml's `outputs` does not say. */
export const DEFAULT_PATH = ".gitlab-ci.yml";

/** Translates the request's model. */
export function generate(request: GenerateRequest): MessageInitShape<typeof GenerateResponseSchema> {
  const model = request.model;
  if (!model) return { fragments: [], diagnostics: [] };
  const found: Diagnostic[] = [];
  const skip = gitlabSkip(request, found);
  const { doc, diagnostics } = buildDocument(model, skip);
  diagnostics.unshift(...found);
  const schedules = modelSchedules(model);
  const notes: Diagnostic[] = schedules.length ? [scheduleNote(schedules)] : [];
  const content = generatedHeader("gitlab", model.configPath) + scheduleComment(schedules) + toYaml(doc);
  return {
    fragments: [
      {
        path: request.outputPath || DEFAULT_PATH,
        content,
        strategy: MergeStrategy.REPLACE,
        format: FragmentFormat.YAML,
      },
    ],
    diagnostics: [...diagnostics, ...notes],
  };
}

/** GitLab keeps schedules in project settings, so the file says which ones to create. */
function scheduleComment(schedules: string[]): string {
  if (!schedules.length) return "";
  return [
    `# Scheduled runs: create these pipeline schedules in GitLab (Build > Pipeline schedules),`,
    `# each with the variable ${SCHEDULE_VARIABLE} set to its cron:`,
    ...schedules.map((cron) => `#   ${cron}`),
    "",
  ].join("\n");
}

function scheduleNote(schedules: string[]): Diagnostic {
  return diagnostic({
    severity: "info",
    code: SCHEDULE_SETUP,
    message: `gitlab: create a pipeline schedule for each cron (${schedules.join("; ")}) with the variable ${SCHEDULE_VARIABLE} set to that cron; .gitlab-ci.yml cannot declare schedules`,
  });
}

export type { GenerateResponse };
