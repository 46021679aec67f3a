import type { Model } from "@cigen/protocol";
import { outputPathFor, selectedProviders } from "../config/providers";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { buildModel } from "../model/build-model";
import { mergeFragments } from "../output/merge-fragments";
import type { RenderedFile } from "../output/rendered-file";
import { generateStage } from "../pipeline/generate-stage";
import { resolvePluginPositions } from "../pipeline/plugin-diagnostics";
import { searchPathsFor } from "../pipeline/search-paths";
import { providerExecutable, resolveProviders } from "../pipeline/select-providers";
import { validateStage } from "../pipeline/validate-stage";
import { SkipCodes } from "./codes";
import { lookUp } from "./preflight";
import { type PrunedModel, pruneModel } from "./prune-model";
import { skipFlags } from "./skip-flags";
import type { SkipProject } from "./skip-project";

/** What `cigen continuation` produced. */
export interface Continuation {
  /** Provider P's file for the pruned model; undefined on errors. */
  file?: RenderedFile;
  /** Jobs left out because their signature is recorded. */
  removed: string[];
  /** Recorded jobs kept because a remaining job consumes their artifacts. */
  restored: string[];
  diagnostics: Diagnostic[];
}

/**
 * `cigen continuation --provider P`, run inside CI: computes every signature, looks each up in its
 * store, prunes the model (see pruneModel) and has provider P generate the pruned model in
 * continuation mode, each remaining job carrying its signature for its record step. Jobs on the
 * `native` store cannot be looked up from here and are kept.
 */
export async function generateContinuation(project: SkipProject, provider: string): Promise<Continuation> {
  const diagnostics: Diagnostic[] = [];
  const failed = (): Continuation => ({ removed: [], restored: [], diagnostics });
  const { config } = project;
  const search = searchPathsFor(project.options, project.repoRoot);
  diagnostics.push(...resolveProviders(config, [provider], search).diagnostics);
  if (hasErrors(diagnostics)) return failed();
  const built = buildModel(config, { target: provider, providers: selectedProviders(config) });
  diagnostics.push(...built.diagnostics, ...project.applyModules(built.model));
  if (hasErrors(diagnostics)) return failed();
  const starting = project.pluginHost().startOne(providerExecutable(provider));
  const pruned = await prune(project, built.model, diagnostics);
  const started = await starting;
  if (!started.plugin) return { ...failed(), diagnostics: [...diagnostics, started.diagnostic!] };

  const target = {
    provider,
    plugin: started.plugin,
    model: pruned.model,
    outputPath: outputPathFor(config, provider) ?? "",
  };
  const generated = await generateStage(
    project.pluginHost(),
    [target],
    skipFlags("continuation", project.repoRoot, project.moduleSources),
  );
  diagnostics.push(...resolvePluginPositions(generated.diagnostics, config));
  const merged = mergeFragments(generated.fragments);
  diagnostics.push(...merged.diagnostics);
  if (!hasErrors(diagnostics))
    diagnostics.push(
      ...resolvePluginPositions(await validateStage(project.pluginHost(), [started.plugin], merged.files), config),
    );
  if (hasErrors(diagnostics)) return failed();
  if (merged.files.length !== 1) {
    diagnostics.push({
      severity: "error",
      code: SkipCodes.NOT_ONE_FILE,
      message: `provider ${provider} wrote ${merged.files.length} files (${merged.files.map((f) => f.path).join(", ")}); a continuation is one file`,
      hint: "put the jobs of this provider in one workflow, or use the provider's planning wiring (cigen generate)",
    });
    return failed();
  }
  return { file: merged.files[0], removed: pruned.removed, restored: pruned.restored, diagnostics };
}

/** Looks every job up and prunes; remaining jobs get their signature. */
async function prune(project: SkipProject, model: Model, diagnostics: Diagnostic[]): Promise<PrunedModel> {
  const signatures = await project.signatureMap();
  diagnostics.push(...(await project.signatures()).diagnostics);
  const native = model.jobs.filter((job) => job.skip?.store?.type === "native").map((job) => job.id);
  if (native.length > 0)
    diagnostics.push({
      severity: "info",
      code: SkipCodes.NATIVE_KEPT,
      message: `${native.length} job(s) use the native store, which cigen cannot read: they are kept (${native.join(", ")})`,
      hint: "to prune them here, give them a dir, redis or s3 skip_store",
    });
  const answers = await Promise.all(
    model.jobs.map((job) => {
      const mine = signatures.get(job.id);
      return lookUp(project, job, mine?.signature, mine?.reason, diagnostics);
    }),
  );
  const recorded = new Set(answers.filter((a) => !a.shouldRun).map((a) => a.job));
  const pruned = pruneModel(model, recorded);
  for (const job of pruned.model.jobs) job.signature = signatures.get(job.id)?.signature ?? "";
  return pruned;
}
