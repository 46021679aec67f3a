/** The Generate hook: the model in, one declarative Jenkinsfile out. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import { FragmentFormat, type GenerateRequest, type GenerateResponseSchema, MergeStrategy } from "@cigen/protocol";
import { generatedHeader, skipSettings } from "@cigen/provider-kit";
import { buildPipeline } from "./pipeline";

/** Where the file goes when cigen.yml's `outputs` does not say. */
export const DEFAULT_PATH = "Jenkinsfile";

/** Translates the request's model. */
export function generate(request: GenerateRequest): MessageInitShape<typeof GenerateResponseSchema> {
  const model = request.model;
  if (!model) return { fragments: [], diagnostics: [] };
  const { text, diagnostics } = buildPipeline(model, skipSettings(request));
  const content = generatedHeader("jenkins", model.configPath, "//") + text;
  return {
    fragments: [
      {
        path: request.outputPath || DEFAULT_PATH,
        content,
        strategy: MergeStrategy.REPLACE,
        format: FragmentFormat.TEXT,
      },
    ],
    diagnostics,
  };
}
