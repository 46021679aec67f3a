import type { Model } from "@cigen/protocol";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import type { PluginHost } from "../host/plugin-host";
import { buildModel } from "../model/build-model";
import type { LockState, ModuleContext, ModuleStageResult } from "../modules";
import { runModuleStage } from "../modules";

/**
 * The "plan" stage: one resolved model per target provider, then the modules applied to all of
 * them (their steps, caches, services and signature inputs). Generation, the skipping commands
 * and continuations all start from these models, so a job's signature covers what modules added.
 */
export async function buildModels(
  ctx: ModuleContext,
  host: PluginHost,
  targets: readonly string[],
  providers: readonly string[],
  lockState: LockState,
): Promise<{ models: Model[]; modules?: ModuleStageResult; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const models = targets.map((target) => {
    const built = buildModel(ctx.config, { target, providers: [...providers] });
    diagnostics.push(...built.diagnostics);
    return built.model;
  });
  if (hasErrors(diagnostics)) return { models, diagnostics };
  const modules = await runModuleStage(ctx, host, models, lockState);
  diagnostics.push(...modules.diagnostics);
  return { models, modules, diagnostics };
}
