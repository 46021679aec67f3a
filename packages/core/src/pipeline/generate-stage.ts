import type { Model } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { PluginCodes } from "../host/codes";
import type { PluginHost } from "../host/plugin-host";
import type { PluginProcess } from "../host/plugin-process";
import type { SourcedFragment } from "../output/merge-fragments";
import { fromWireDiagnostic } from "./plugin-diagnostics";

/** One provider to generate for: its plugin and the model resolved for it. */
export interface ProviderTarget {
  provider: string;
  plugin: PluginProcess;
  model: Model;
  outputPath: string;
}

/**
 * Asks every provider plugin for its files, all concurrently. `flags` go into every request: for
 * a normal `cigen generate`, skipFlags("setup", repoRoot) (job-skipping.md).
 */
export async function generateStage(
  host: PluginHost,
  targets: readonly ProviderTarget[],
  flags: Record<string, string>,
): Promise<{ fragments: SourcedFragment[]; diagnostics: Diagnostic[] }> {
  const fragments: SourcedFragment[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const t of targets) {
    if (!t.plugin.implements("generate")) {
      diagnostics.push({
        severity: "error",
        code: PluginCodes.MISSING_HOOK,
        plugin: t.plugin.name,
        message: `plugin ${t.plugin.name} provides "${t.provider}" but does not implement generate`,
        hint: "install a provider plugin that implements the generate hook",
      });
    }
  }
  const byPlugin = new Map(targets.map((t) => [t.plugin, t]));
  const { results, diagnostics: failures } = await host.fanOut("generate", [...byPlugin.keys()], (plugin) => {
    const t = byPlugin.get(plugin)!;
    return { target: t.provider, model: t.model, outputPath: t.outputPath, flags };
  });
  diagnostics.push(...failures);
  for (const { plugin, response } of results) {
    const provider = byPlugin.get(plugin)!.provider;
    for (const fragment of response.fragments) fragments.push({ fragment, provider, plugin: plugin.name });
    diagnostics.push(...response.diagnostics.map((d) => fromWireDiagnostic(d, plugin.name)));
  }
  return { fragments, diagnostics };
}
