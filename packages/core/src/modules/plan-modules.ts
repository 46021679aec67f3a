import type { DetectResponse, JobContribution, PlanJob } from "@cigen/protocol";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { PluginHost } from "../host/plugin-host";

import { fromWireDiagnostic } from "../pipeline/plugin-diagnostics";
import type { JobModuleUses } from "./module-needs";
import { repoFiles } from "./repo-snapshot";
import type { ResolvedModules, RunningModule } from "./resolve-modules";

/** What one module contributes to one job. */
export interface ModuleContribution {
  module: RunningModule;
  contribution: JobContribution;
}

/**
 * Runs the module hooks in protocol order: Detect over the repository (every module at once),
 * then Plan with each module's own facts and the jobs that use it. Modules that answer
 * UNIMPLEMENTED for a hook add nothing, as the protocol says.
 */
export async function planModules(
  host: PluginHost,
  config: LoadedConfig,
  repoRoot: string,
  resolved: ResolvedModules,
  jobs: readonly JobModuleUses[],
): Promise<{ contributions: ModuleContribution[]; detected: Map<string, DetectResponse>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const byPlugin = new Map(resolved.modules.map((m) => [m.plugin, m]));
  const plugins = [...byPlugin.keys()];
  const files = await repoFiles(repoRoot);
  const detect = await host.fanOut("detect", plugins, () => ({ root: repoRoot, files }));
  diagnostics.push(...detect.diagnostics);
  const detected = new Map<string, DetectResponse>();
  for (const { plugin, response } of detect.results) {
    detected.set(byPlugin.get(plugin)!.name, response);
    diagnostics.push(...response.diagnostics.map((d) => fromWireDiagnostic(d, plugin.name)));
  }

  const configJson = JSON.stringify(config.raw);
  const planned = await host.fanOut("plan", plugins, (plugin) => ({
    configJson,
    repoRoot,
    facts: detected.get(byPlugin.get(plugin)!.name)?.facts ?? {},
    jobs: planJobsFor(byPlugin.get(plugin)!, resolved, jobs),
  }));
  diagnostics.push(...planned.diagnostics);
  const contributions: ModuleContribution[] = [];
  for (const { plugin, response } of planned.results) {
    const module = byPlugin.get(plugin)!;
    diagnostics.push(...response.diagnostics.map((d) => fromWireDiagnostic(d, plugin.name)));
    for (const contribution of response.contributions) contributions.push({ module, contribution });
  }
  return { contributions, detected, diagnostics };
}

/** The jobs (and their entries) that `module` was chosen for. */
function planJobsFor(module: RunningModule, resolved: ResolvedModules, jobs: readonly JobModuleUses[]): PlanJob[] {
  const mine = (capability: string) => resolved.byCapability.get(capability) === module;
  return jobs.flatMap((uses): PlanJob[] => {
    const packages = uses.packages.filter((p) => mine(p.capability)).map((p) => p.entry);
    const steps = uses.uses.filter((u) => mine(`module:${u.name}`));
    const services = uses.services.filter((s) => mine(s.capability)).map((s) => s.entry);
    if (packages.length + steps.length + services.length === 0) return [];
    return [
      {
        $typeName: "cigen.plugin.v1.PlanJob",
        jobId: uses.job.id,
        baseId: uses.job.baseId,
        packages,
        uses: steps.map((u) => ({
          $typeName: "cigen.plugin.v1.ModuleStepUse",
          stepIndex: u.stepIndex,
          constraint: u.constraint,
          with: u.with,
        })),
        services,
        image: uses.job.image,
        arch: uses.job.arch,
      },
    ];
  });
}
