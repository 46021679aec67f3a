import { create } from "@bufbuild/protobuf";
import {
  type Checkout,
  type EnvVar,
  type Job,
  JobSkipSchema,
  JobTriggerSchema,
  MatrixValueSchema,
  type Runner,
  SkipStoreSchema,
} from "@cigen/protocol";
import { DEFAULT_WORKFLOW } from "../config/checks/check-workflows";
import { ConfigCodes } from "../config/codes";
import type { JobConfig } from "../config/config-types";
import { buildArtifacts } from "./build-artifacts";
import { buildCaches } from "./build-caches";
import { buildServices } from "./build-services";
import { buildSteps } from "./build-steps";
import type { JobVariant } from "./expand-jobs";
import type { JobContext } from "./job-context";
import { pairCacheSteps } from "./pair-cache-steps";

/** Builds one job variant; `globalEnv` is the top-level env, already interpolated. */
export function buildJob(ctx: JobContext, variant: JobVariant, globalEnv: readonly EnvVar[]): Job {
  const { job, baseId } = variant;
  const at = (...rest: (string | number)[]) => ["jobs", baseId, ...rest];
  const jobEnv = ctx.env(job.env, at("env"));
  const overridden = new Set(jobEnv.map((e) => e.name));
  // A literal, not create(JobSchema): create() would walk every step again (see messages.ts).
  return {
    $typeName: "cigen.plugin.v1.Job",
    id: variant.id,
    baseId,
    matrix: variant.matrix.map(([dimension, value]) => create(MatrixValueSchema, { dimension, value })),
    needs: variant.needs,
    needsAny: variant.needsAny,
    runner: buildRunner(ctx, job),
    image: job.image === undefined ? "" : ctx.string(at("image"), job.image, "the image"),
    arch: buildArch(ctx, variant),
    services: buildServices(ctx, job, baseId),
    env: [...globalEnv.filter((e) => !overridden.has(e.name)), ...jobEnv],
    steps: pairCacheSteps(buildSteps(ctx, job.steps, at("steps"))),
    artifacts: buildArtifacts(ctx, job, baseId, variant.id),
    artifactInputs: [],
    caches: buildCaches(ctx, job, baseId),
    checkout: buildCheckout(job),
    timeoutMinutes: job.timeout ?? 0,
    workflow: job.workflow ?? DEFAULT_WORKFLOW,
    trigger: buildTrigger(job),
    providerConfigJson: providerJson(job.provider_config?.[ctx.target]),
    packages: [...(job.packages ?? ctx.config.raw.packages ?? [])],
    skippable: job.source_files !== undefined || job.skip_if !== undefined,
    signature: "",
    skip: buildSkip(ctx, job),
    loc: ctx.loc(at()),
    // Filled by the modules stage (applyModules), once modules have planned.
    modules: [],
  };
}

/**
 * What decides whether the job may be skipped. Globs stay as written (groups and negations are
 * resolved by the signature code, once); the store is the job's own, else the top-level one,
 * else `native` (the provider's cache), which the spec makes the default.
 */
function buildSkip(ctx: JobContext, job: JobConfig) {
  if (job.source_files === undefined && job.skip_if === undefined) return undefined;
  const { type = "native", record_on = [], ...settings } = job.skip_store ?? ctx.config.raw.skip_store ?? {};
  return create(JobSkipSchema, {
    sourceFiles: [...(job.source_files ?? []), ...(job.skip_if?.paths_unmodified ?? [])],
    env: [...(job.skip_if?.env ?? [])],
    store: create(SkipStoreSchema, { type, recordOn: record_on, settingsJson: JSON.stringify(settings) }),
  });
}

function buildRunner(ctx: JobContext, job: JobConfig) {
  const className = job.runner ?? ctx.config.raw.project?.default_runner ?? "default";
  const settings = ctx.config.raw.runners?.[className]?.[ctx.target];
  return { $typeName: "cigen.plugin.v1.Runner", className, settingsJson: providerJson(settings) } satisfies Runner;
}

/** `arch:` (possibly `{{ matrix.arch }}`), else a matrix dimension named arch, else unset. */
function buildArch(ctx: JobContext, variant: JobVariant): string {
  const path = ["jobs", variant.baseId, "arch"];
  const arch =
    variant.job.arch !== undefined
      ? ctx.string(path, variant.job.arch, "arch")
      : (variant.matrix.find(([dimension]) => dimension === "arch")?.[1] ?? "");
  if (arch === "" || arch === "amd64" || arch === "arm64") return arch;
  const { line, column } = ctx.config.locateValue(
    variant.job.arch !== undefined ? path : ["jobs", variant.baseId, "matrix", "arch"],
  );
  ctx.diagnostics.push({
    severity: "error",
    code: ConfigCodes.INVALID_ARCH,
    message: `job "${variant.id}" has arch "${arch}"; expected "amd64" or "arm64"`,
    file: ctx.config.source.displayPath,
    line,
    column,
  });
  return arch;
}

function buildCheckout(job: JobConfig): Checkout {
  const checkout = job.checkout;
  const options = typeof checkout === "object" ? checkout : {};
  return {
    $typeName: "cigen.plugin.v1.Checkout",
    enabled: checkout !== false,
    depth: checkout === false ? 1 : (options.depth ?? 1),
    submodules: checkout !== false && (options.submodules ?? false),
    lfs: checkout !== false && (options.lfs ?? false),
  };
}

function buildTrigger(job: JobConfig) {
  const trigger = job.trigger;
  if (trigger === undefined) return undefined;
  if (trigger === "manual") return create(JobTriggerSchema, { manual: true });
  return create(JobTriggerSchema, {
    manual: trigger.manual ?? false,
    cron: trigger.scheduled?.cron.trim() ?? "",
    branches: trigger.branches ?? [],
    tags: trigger.tags ?? [],
  });
}

/** provider_config and runner settings are passed through as JSON, never interpolated. */
export function providerJson(value: unknown): string {
  return value === undefined || value === null ? "" : JSON.stringify(value);
}
