/**
 * One cigen job variant as one GitLab job: every concept's translator contributes its keys, in the
 * order a person reads a job (where and when it runs, what it runs on, then what it does), and the
 * runner class's and the job's provider_config are merged last.
 */
import type { Diagnostic, Job } from "@cigen/protocol";
import { deepMerge, type JsonObject } from "@cigen/provider-kit";
import { jobArtifacts, markerScript } from "./artifacts";
import { jobCaches } from "./caches";
import { checkoutVariables } from "./checkout";
import type { NeedEntry } from "./dependencies";
import { parseConfig } from "./provider-config";
import { runnerSettings } from "./runners";
import { jobServices } from "./services";
import { stepDiagnostics, stepScript } from "./steps";
import { withToolchains } from "./toolchains";
import { jobEnv } from "./variables";

/** What the job's place in the pipeline decides: its stage, needs and rules. */
export interface JobPlacement {
  stage: string;
  needs: NeedEntry[];
  rules: JsonObject[];
  /** Global variables, so the job lists only what differs. */
  globals: Record<string, string>;
  /** True when an OR gate checks this job, so it records its success. */
  writesMarker: boolean;
  /** The skipping wiring's additions (see skip-steps.ts), when the job is wired. */
  skip?: SkipItems;
}

/** Script items around the job's steps and a cache entry that the skipping wiring adds. */
export interface SkipItems {
  before: string[];
  after: string[];
  cache?: JsonObject;
}

/** The GitLab job for `job`. */
export function translateJob(modelJob: Job, placement: JobPlacement): { value: JsonObject; diagnostics: Diagnostic[] } {
  const runner = runnerSettings(modelJob);
  const config = parseConfig(modelJob.providerConfigJson, "provider_config.gitlab", modelJob);
  const job = withToolchains(modelJob, [runner.settings, config.settings]);
  const services = jobServices(job);
  const caches = jobCaches(job);
  const env = jobEnv(job, placement.globals);
  const diagnostics = [
    ...stepDiagnostics(job),
    ...runner.diagnostics,
    ...services.diagnostics,
    ...caches.diagnostics,
    ...config.diagnostics,
  ];
  const variables = Object.fromEntries([...env.variables, ...services.variables, ...checkoutVariables(job)]);
  // After GitLab restored the caches and before the steps: link home-relative cache paths into the project.
  const links = caches.links.length ? [caches.links.join("\n")] : [];
  const script = [...(placement.skip?.before ?? []), ...env.exports, ...links, ...stepScript(job)];
  if (placement.writesMarker) script.push(markerScript(job.id));
  script.push(...(placement.skip?.after ?? []));
  const cache = [...(caches.cache ?? []), ...(placement.skip?.cache ? [placement.skip.cache] : [])];
  const value: JsonObject = {
    stage: placement.stage,
    ...(placement.needs.length ? { needs: placement.needs } : {}),
    rules: placement.rules,
    ...(job.image ? { image: job.image } : {}),
    ...runner.settings,
    ...(services.services ? { services: services.services } : {}),
    ...(Object.keys(variables).length ? { variables } : {}),
    ...(cache.length ? { cache } : {}),
    ...(job.timeoutMinutes ? { timeout: `${job.timeoutMinutes} minutes` } : {}),
    script: script.length ? script : ["true"],
  };
  const artifacts = jobArtifacts(job, placement.writesMarker);
  if (artifacts) value.artifacts = artifacts;
  // Runner settings win over what cigen derived; the job's own provider_config wins over both.
  return { value: deepMerge(deepMerge(value, runner.settings), config.settings), diagnostics };
}
