import { create } from "@bufbuild/protobuf";
import { type Fragment, FragmentSchema } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { PluginHost } from "../host/plugin-host";
import type { PluginProcess } from "../host/plugin-process";
import type { RenderedFile } from "../output/rendered-file";
import { fromWireDiagnostic } from "./plugin-diagnostics";

/** Lets every plugin that implements validate (policies, providers) check the merged files. */
export async function validateStage(
  host: PluginHost,
  plugins: readonly PluginProcess[],
  files: readonly RenderedFile[],
): Promise<Diagnostic[]> {
  const fragments: Fragment[] = files.map((f) => create(FragmentSchema, { path: f.path, content: f.content }));
  const { results, diagnostics } = await host.fanOut("validate", plugins, () => ({ fragments }));
  for (const { plugin, response } of results) {
    diagnostics.push(...response.diagnostics.map((d) => fromWireDiagnostic(d, plugin.name)));
  }
  return diagnostics;
}
