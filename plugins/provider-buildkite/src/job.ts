import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Model } from "@cigen/protocol";
import { deepMerge, type JsonObject, parseProviderConfig, type SkipSettings, secretNames } from "@cigen/provider-kit";
import { planArtifacts } from "./artifacts";
import { cachePlugins } from "./caches";
import { planCheckout } from "./checkout";
import { UPLOAD_ESCAPE } from "./codes";
import { type Cond, render } from "./conditions";
import { dockerPlugin } from "./container";
import { jobDependsOn, needsAnyCheck, requiredUpstream, upstreamEntries } from "./dependencies";
import { approvalKey, START_KEY, stepKey } from "./keys";
import { runnerFields } from "./runners";
import { type ComposeFile, planServices } from "./services";
import { recordLines } from "./skip-plan";
import { buildScript } from "./steps";
import { literalText, shellWord } from "./text-syntax";
import { placeJobToolchains } from "./toolchains";
import { uploadText } from "./upload-escape";

/** What one job becomes: its command step, its approval block step, its compose services. */
export interface TranslatedJob {
  step: JsonObject;
  block?: JsonObject;
  compose: JsonObject;
}

/** What every job translation shares. */
export interface JobContext {
  model: Model;
  compose: ComposeFile;
  report: (d: Diagnostic) => void;
  /** Job skipping, when the core asked for it. */
  skip?: SkipSettings;
}

/**
 * One command step per job. Its command runs, in order: the needs_any check, runtime-valued env
 * exports, the links of home-relative cache paths into the checkout (image jobs), Git LFS,
 * services, artifact downloads, the job's steps, then (in a skipping continuation) the record of
 * its signature. Everything the agent does around the command (checkout, container, caches,
 * artifact upload) is step keys and plugins. The job's provider_config is merged into the step last.
 */
export function translateJob(modelJob: Job, cond: Cond, ctx: JobContext): TranslatedJob {
  const { model, report } = ctx;
  // Toolchains first: the first one may become the job's image.
  const job = placeJobToolchains(modelJob);
  const upstream = requiredUpstream(job, model);
  const artifacts = planArtifacts(job, upstream, report);
  const needsAgent = artifacts.downloads.length > 0 || needsAnyCheck(job).length > 0;
  const services = planServices(job, ctx.compose, needsAgent, report);
  const checkout = planCheckout(job);
  const env: JsonObject = {};
  const exports: string[] = [];
  for (const [name, value] of [...checkout.env, ...services.env]) env[name] = upload(job, value, `env ${name}`, report);
  for (const e of job.env) {
    const literal = literalText(e.value);
    if (literal === undefined) {
      delete env[e.name];
      exports.push(`export ${e.name}=${shellWord(e.value, job)}`);
    } else env[e.name] = upload(job, literal, `env ${e.name}`, report);
  }
  const caches = cachePlugins(job, report);
  const prelude = [
    ...needsAnyCheck(job),
    ...exports,
    ...caches.links,
    ...checkout.commands,
    ...services.start,
    ...artifacts.downloads,
  ];
  const finish = recordLines(job, ctx.skip);
  const script = buildScript(job, { prelude, cleanup: services.stop, finish }, report).join("\n");
  const ifCond = cond.kind === "true" ? {} : { if: render(cond) };
  const dependsOn = jobDependsOn(job);
  const plugins = [...caches.plugins, services.plugin ?? dockerPlugin(job, needsAgent)].filter(
    (p): p is JsonObject => p !== undefined,
  );
  const secrets = jobSecrets(job);
  const step: JsonObject = {
    label: job.id,
    key: stepKey(job.id),
    ...(dependsOn.length ? { depends_on: dependsOn } : {}),
    ...ifCond,
    ...runnerFields(job, report),
    command: upload(job, script, "commands", report),
    ...(Object.keys(env).length ? { env } : {}),
    ...(secrets.length ? { secrets } : {}),
    ...(plugins.length ? { plugins } : {}),
    ...(artifacts.paths.length ? { artifact_paths: artifacts.paths } : {}),
    ...(job.timeoutMinutes ? { timeout_in_minutes: job.timeoutMinutes } : {}),
  };
  const block = job.trigger?.manual
    ? {
        block: `Approve ${job.id}`,
        key: approvalKey(job.id),
        depends_on: upstreamEntries(job).length ? upstreamEntries(job) : [START_KEY],
        ...ifCond,
      }
    : undefined;
  return { step: deepMerge(step, parseProviderConfig(job.providerConfigJson)), block, compose: services.compose };
}

/** Secret names the job's env and steps refer to: the step lists them so Buildkite provides them. */
function jobSecrets(job: Job): string[] {
  const texts = [
    ...job.env.map((e) => e.value),
    ...job.steps.flatMap((s) => [
      ...s.env.map((e) => e.value),
      ...(s.kind.case === "run" ? [s.kind.value.command] : []),
    ]),
    ...job.services.flatMap((s) => s.env.map((e) => e.value)),
  ];
  return [...new Set(texts.flatMap(secretNames))].sort();
}

/** Escapes text for `pipeline upload`, reporting text that cannot arrive unchanged. */
function upload(job: Job, runtime: string, what: string, report: (d: Diagnostic) => void): string {
  const { text, exact } = uploadText(runtime);
  if (!exact) {
    report(
      diagnostic({
        code: UPLOAD_ESCAPE,
        message: `job "${job.id}": its ${what} contain a backslash before "$", which buildkite-agent pipeline upload turns into a plain "$" however it is escaped`,
        hint: "write the literal dollar in single quotes ('$') instead of \\$",
        loc: job.loc,
      }),
    );
  }
  return text;
}
