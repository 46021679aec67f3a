import { create } from "@bufbuild/protobuf";
import { diagnostic } from "@cigen/plugin-sdk";
import {
  FragmentFormat,
  FragmentSchema,
  type GenerateRequest,
  type GenerateResponse,
  GenerateResponseSchema,
  MergeStrategy,
} from "@cigen/protocol";
import { generatedHeader, toYaml } from "@cigen/provider-kit";
import { WRONG_TARGET } from "./codes";
import { skipFlags } from "./skip-context";
import { workflowDocuments } from "./workflow";

/** Where workflow files go when cigen.yml has no `outputs` entry for github. */
export const DEFAULT_OUTPUT_PATH = ".github/workflows";

/**
 * The Generate hook: one file per workflow, `<outputPath>/<workflow id>.yml`, each owned whole by
 * this provider (REPLACE), plus every diagnostic found on the way.
 */
export function generateWorkflows(request: GenerateRequest): GenerateResponse {
  if (request.target && request.target !== "github") {
    const wrong = diagnostic({
      code: WRONG_TARGET,
      message: `provider-github was asked to generate for "${request.target}"; it only writes GitHub Actions workflows`,
      hint: "This is a plugin selection problem in the core; report it.",
    });
    return create(GenerateResponseSchema, { diagnostics: [wrong] });
  }
  const model = request.model;
  if (!model) return create(GenerateResponseSchema, {});
  const dir = (request.outputPath || DEFAULT_OUTPUT_PATH).replace(/\/+$/, "");
  const { documents, diagnostics } = workflowDocuments(model, skipFlags(request));
  const header = generatedHeader("github", model.configPath);
  const fragments = documents.map(({ id, doc }) =>
    create(FragmentSchema, {
      path: `${dir}/${id}.yml`,
      content: header + toYaml(doc),
      strategy: MergeStrategy.REPLACE,
      format: FragmentFormat.YAML,
    }),
  );
  return create(GenerateResponseSchema, { fragments, diagnostics });
}
