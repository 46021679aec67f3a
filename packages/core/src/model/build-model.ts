import { create } from "@bufbuild/protobuf";
import { type Job, type Model, ModelSchema, ProjectSchema } from "@cigen/protocol";
import { checkRunnerProviders } from "../config/checks/check-runners";
import type { LoadedConfig } from "../config/loaded-config";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic";
import { linkArtifactInputs } from "./build-artifacts";
import { buildJob, providerJson } from "./build-job";
import { buildWorkflows } from "./build-workflows";
import { expandJobs } from "./expand-jobs";
import { filterForProvider } from "./filter-for-provider";
import type { Scope } from "./interpolate";
import { JobContext } from "./job-context";

/** What the model is built for. */
export interface ModelOptions {
  /** The provider this model is for (runner settings, provider_config, `providers:` filters). */
  target: string;
  /** Every provider selected for this run (informational in the model). */
  providers: string[];
  /** The config path for "regenerate with" headers; default: the source's displayPath. */
  configPath?: string;
}

/**
 * Builds the resolved, provider-neutral model for one provider: matrix expanded, commands
 * inlined, interpolation done, services/caches/artifacts resolved. Deterministic: the same config
 * and options give an identical model.
 */
export function buildModel(config: LoadedConfig, options: ModelOptions): { model: Model; diagnostics: Diagnostic[] } {
  const raw = config.raw;
  const expanded = expandJobs(config);
  const diagnostics: Diagnostic[] = [...expanded.diagnostics, ...checkRunnerProviders(config, [options.target])];
  const kept = filterForProvider(config, expanded.jobs, options.target);
  diagnostics.push(...kept.diagnostics);

  const variables = new Map(
    Object.entries(raw.variables ?? {}).map(([name, value]) => [
      name,
      typeof value === "number" ? (config.scalarSource(["variables", name]) ?? String(value)) : String(value),
    ]),
  );
  const top = new JobContext(config, options.target, { variables }, "the top level");
  const globalEnv = top.env(raw.env, ["env"]);
  diagnostics.push(...top.diagnostics);

  const jobs: Job[] = kept.jobs.map((variant) => {
    const scope: Scope = { variables, matrix: variant.job.matrix ? new Map(variant.matrix) : undefined };
    // Messages name the base job, so a mistake shared by all variants is reported once.
    const ctx = new JobContext(config, options.target, scope, `job "${variant.baseId}"`);
    const job = buildJob(ctx, variant, globalEnv);
    diagnostics.push(...ctx.diagnostics);
    return job;
  });
  linkArtifactInputs(jobs);

  const project = raw.project ?? {};
  const model = create(ModelSchema, {
    project: create(ProjectSchema, {
      name: project.name ?? "",
      defaultRunner: project.default_runner ?? "default",
      type: project.type ?? "default",
    }),
    workflows: buildWorkflows(config, jobs),
    jobs,
    providerConfigJson: providerJson(raw.provider_config?.[options.target]),
    configPath: options.configPath ?? config.source.displayPath,
    providers: [...options.providers],
    env: globalEnv,
  });
  return { model, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

/** Variants of one job share their strings, so one mistake would otherwise be reported per variant. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
