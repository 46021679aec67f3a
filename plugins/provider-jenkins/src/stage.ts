/**
 * One cigen job variant as one declarative stage: agent, manual input, `when` (workflow, job
 * filter, upstream success), options (timeout, own checkout), environment, then the steps, which
 * catch their own failure so unrelated stages keep running (inside Job Cacher's `cache` step when
 * the job has caches, see caches.ts), and a `post` that removes the job's
 * service containers and records success (the marker dependants read, and the job's signature when
 * it may be skipped). SetupToolchain steps are placed first (see toolchains.ts).
 */

import type { Diagnostic, Job } from "@cigen/protocol";
import { agentLabel, agentLines } from "./agent";
import { keepSteps, retentionDiagnostics, unstashSteps } from "./artifacts";
import { cacheDiagnostics, withCaches } from "./caches";
import { checkoutStep, SKIP_DEFAULT_CHECKOUT } from "./checkout";
import { markerName } from "./dependencies";
import { stageEnvironment } from "./environment";
import { block, groovyString } from "./groovy-string";
import {
  agentDirective,
  environmentEntries,
  lines,
  parseConfig,
  STAGE_DIRECTIVES,
  toolLines,
  unknownDirectives,
} from "./provider-config";
import { stopServicesStep, withServices } from "./service-steps";
import { serviceDiagnostics, serviceSecrets } from "./services";
import { shSteps, stepDiagnostics, stepSecrets, withCredentials } from "./steps";
import { withToolchains } from "./toolchains";
import { type When, whenEntries } from "./when";

/** What the job's place in the pipeline decides. */
export interface StagePlacement {
  /** Workflow, job filter and upstream conditions, ANDed. */
  when: When;
  /** Global environment entries, so the stage lists only what differs. */
  globals: [string, string][];
  /** Upstream jobs whose success is certain when this one runs (artifacts from them are there). */
  certain: Set<string>;
  /** True when another job reads this job's success marker. */
  marked: boolean;
  /** The step that records the job's signature on success (job skipping). */
  record?: string;
}

/** The stage for `job`. */
export function jobStage(modelJob: Job, placement: StagePlacement): { lines: string[]; diagnostics: Diagnostic[] } {
  const config = parseConfig(modelJob.providerConfigJson, "provider_config.jenkins", modelJob);
  const settings = config.settings;
  const job = withToolchains(modelJob, settings);
  const label = agentLabel(job);
  const diagnostics = [
    ...stepDiagnostics(job),
    ...label.diagnostics,
    ...config.diagnostics,
    ...unknownDirectives(settings, STAGE_DIRECTIVES, job),
    ...serviceDiagnostics(job),
    ...cacheDiagnostics(job),
    ...retentionDiagnostics(job),
  ];
  const body: string[] = [...(agentDirective(settings.agent) ?? agentLines(job, label.label))];
  if (job.trigger?.manual) {
    body.push(...block("input", [`message ${groovyString(`Run ${job.id}?`)}`, "ok 'Run'"]));
  }
  const conditions = whenEntries(placement.when);
  if (conditions.length) {
    body.push(
      ...block("when", ["beforeAgent true", ...(job.trigger?.manual ? ["beforeInput true"] : []), ...conditions]),
    );
  }
  const options = [
    ...(job.timeoutMinutes ? [`timeout(time: ${job.timeoutMinutes}, unit: 'MINUTES')`] : []),
    SKIP_DEFAULT_CHECKOUT,
    ...lines(settings.options),
  ];
  body.push(...block("options", options));
  const environment = new Map(stageEnvironment(job, placement.globals));
  for (const [k, v] of environmentEntries(settings.environment)) environment.set(k, v);
  if (environment.size)
    body.push(
      ...block(
        "environment",
        [...environment].map(([k, v]) => `${k} = ${v}`),
      ),
    );
  const tools = toolLines(settings.tools);
  if (tools.length) body.push(...block("tools", tools));
  body.push(...block("steps", stepsBlock(job, placement)));
  // The marker first: a failing record must not keep dependants from running.
  const success = [
    ...(placement.marked ? [`script { env.${markerName(job.id)} = 'true' }`] : []),
    ...(placement.record ? [placement.record] : []),
  ];
  const post = [
    ...(success.length ? block("success", success) : []),
    ...(job.services.length ? block("cleanup", [stopServicesStep(job)]) : []),
  ];
  if (post.length) body.push(...block("post", post));
  return { lines: block(`stage(${groovyString(job.id)})`, body), diagnostics };
}

function stepsBlock(job: Job, placement: StagePlacement): string[] {
  const checkout = checkoutStep(job);
  const secrets = [...new Set([...stepSecrets(job), ...serviceSecrets(job)])].sort();
  const steps = job.services.length ? withServices(job, shSteps(job)) : shSteps(job);
  const work = [
    ...(checkout ? [checkout] : []),
    ...unstashSteps(job, placement.certain),
    ...withCaches(job, withCredentials(secrets, steps)),
    ...keepSteps(job.artifacts),
  ];
  // A failed step fails this stage and the build, but later stages still run when they do not
  // depend on it: their `when` reads success markers.
  return block("catchError(buildResult: 'FAILURE', stageResult: 'FAILURE')", work.length ? work : ["echo 'no steps'"]);
}
