import type { Diagnostic } from "../diagnostics/diagnostic";
import { listPlugins, type SearchPaths } from "../host/discover";
import type { PluginProcess } from "../host/plugin-process";
import { moduleNameOf } from "../modules/module-names";
import { createHost } from "../pipeline/create-host";
import type { PipelineOptions } from "../pipeline/pipeline-options";
import { fromWireDiagnostic } from "../pipeline/plugin-diagnostics";
import type { Detection } from "./detection";
import { InitCodes } from "./init-codes";

/**
 * Runs Detect of every installed module (the first copy of each, in search order) over the
 * repository: all started at once, asked at once, shut down. Init must not stop at one broken
 * module, so a module that fails to start or answer, and any error a module reports, is a
 * warning: the starter is written without that module's findings, and `cigen validate` reports
 * whatever still matters once the config uses the module.
 */
export async function detectRepository(
  options: PipelineOptions,
  search: SearchPaths,
  root: string,
  files: readonly string[],
): Promise<{ detections: Detection[]; diagnostics: Diagnostic[] }> {
  const launches = listPlugins(search).filter((p) => moduleNameOf(p.name));
  const diagnostics: Diagnostic[] = [];
  if (!launches.length) return { detections: [], diagnostics };
  const host = createHost(options, search);
  try {
    const started = await Promise.all(launches.map((launch) => host.startLaunch(launch)));
    const plugins = started.flatMap((s) => {
      if (s.diagnostic) diagnostics.push(moduleFailed(s.diagnostic));
      return s.plugin ? [s.plugin] : [];
    });
    const detect = await host.fanOut("detect", plugins, () => ({ root, files: [...files] }));
    diagnostics.push(...detect.diagnostics.map(moduleFailed));
    const detections: Detection[] = [];
    for (const { plugin, response } of detect.results) {
      diagnostics.push(
        ...response.diagnostics.map((d) => {
          const diagnostic = fromWireDiagnostic(d, plugin.name);
          return diagnostic.severity === "error" ? { ...diagnostic, severity: "warning" as const } : diagnostic;
        }),
      );
      if (response.confidence <= 0 && !Object.keys(response.facts).length) continue;
      detections.push(detectionOf(plugin, response.facts, response.signals));
    }
    return { detections: detections.sort((a, b) => (a.module < b.module ? -1 : 1)), diagnostics };
  } finally {
    diagnostics.push(...(await host.shutdown()));
  }
}

function detectionOf(
  plugin: PluginProcess,
  facts: Record<string, string>,
  signals: readonly { name: string; value: string; evidence?: { file: string; line: number; column: number } }[],
): Detection {
  return {
    module: moduleNameOf(plugin.name) ?? plugin.name,
    version: plugin.info.version,
    facts: { ...facts },
    evidence: signals.map((s) => ({
      signal: s.name,
      value: s.value,
      ...(s.evidence?.file ? { file: s.evidence.file } : {}),
      ...(s.evidence?.line ? { line: s.evidence.line, column: s.evidence.column || 1 } : {}),
    })),
  };
}

function moduleFailed(d: Diagnostic): Diagnostic {
  return {
    ...d,
    severity: "warning",
    code: InitCodes.MODULE_FAILED,
    hint: `${d.hint ? `${d.hint}; ` : ""}cigen.yml is written without what this module would have detected`,
  };
}
