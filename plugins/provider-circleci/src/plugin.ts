import { create } from "@bufbuild/protobuf";
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { type Diagnostic, FragmentFormat, type GenerateRequest, MergeStrategy, ModelSchema } from "@cigen/protocol";
import { skipSettings } from "@cigen/provider-kit";
import { buildDocument, CONFIG_PATH, renderDocument } from "./document";

/** The CircleCI provider: the resolved model in, `.circleci/config.yml` out. */
export const plugin: PluginDefinition = {
  info: { name: "provider-circleci", version: "0.1.0", capabilities: ["provider:circleci"] },
  hooks: { generate },
};

function generate(request: GenerateRequest) {
  const model = request.model ?? create(ModelSchema);
  const diagnostics: Diagnostic[] = [];
  const document = buildDocument(model, (d) => diagnostics.push(d), skipSettings(request));
  return {
    fragments: [
      {
        path: request.outputPath || CONFIG_PATH,
        content: renderDocument(model, document),
        strategy: MergeStrategy.REPLACE,
        format: FragmentFormat.YAML,
      },
    ],
    diagnostics,
  };
}
