import { create } from "@bufbuild/protobuf";
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { type Diagnostic, FragmentFormat, type GenerateRequest, MergeStrategy, ModelSchema } from "@cigen/protocol";
import { skipSettings } from "@cigen/provider-kit";
import { buildFiles } from "./document";

/** The Buildkite provider: the resolved model in, `.buildkite/pipeline.yml` (and a compose file) out. */
export const plugin: PluginDefinition = {
  info: { name: "provider-buildkite", version: "0.1.0", capabilities: ["provider:buildkite"] },
  hooks: { generate },
};

function generate(request: GenerateRequest) {
  const model = request.model ?? create(ModelSchema);
  const diagnostics: Diagnostic[] = [];
  const files = buildFiles(model, request.outputPath, (d) => diagnostics.push(d), skipSettings(request));
  const fragment = (f: { path: string; content: string }) => ({
    path: f.path,
    content: f.content,
    strategy: MergeStrategy.REPLACE,
    format: FragmentFormat.YAML,
  });
  return {
    fragments: [fragment(files.pipeline), ...(files.compose ? [fragment(files.compose)] : [])],
    diagnostics,
  };
}
