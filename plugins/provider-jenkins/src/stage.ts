/**
 * One cigen job variant as one declarative stage: agent, manual input, `when` (workflow, job
 * filter, upstream success), options (timeout, own checkout), environment, then the steps, which
 * catch their own failure so unrelated stages keep running, and a `post` that records success (the
 * marker dependants read, and the job's signature when it may be skipped).
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { agentLabel, agentLines } from "./agent";
import { keepSteps, retentionDiagnostics, unstashSteps } from "./artifacts";
import { checkoutStep, SKIP_DEFAULT_CHECKOUT } from "./checkout";
import { CACHES_UNSUPPORTED, SERVICES_UNSUPPORTED } from "./codes";
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
import { shSteps, stepDiagnostics, stepSecrets, withCredentials } from "./steps";
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
export function jobStage(job: Job, placement: StagePlacement): { lines: string[]; diagnostics: Diagnostic[] } {
  const label = agentLabel(job);
  const config = parseConfig(job.providerConfigJson, "provider_config.jenkins", job);
  const settings = config.settings;
  const diagnostics = [
    ...stepDiagnostics(job),
    ...label.diagnostics,
    ...config.diagnostics,
    ...unknownDirectives(settings, STAGE_DIRECTIVES, job),
    ...unsupported(job),
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
  if (success.length) body.push(...block("post", block("success", success)));
  return { lines: block(`stage(${groovyString(job.id)})`, body), diagnostics };
}

function stepsBlock(job: Job, placement: StagePlacement): string[] {
  const checkout = checkoutStep(job);
  const work = [
    ...(checkout ? [checkout] : []),
    ...unstashSteps(job, placement.certain),
    ...withCredentials(stepSecrets(job), shSteps(job)),
    ...keepSteps(job.artifacts),
  ];
  // A failed step fails this stage and the build, but later stages still run when they do not
  // depend on it: their `when` reads success markers.
  return block("catchError(buildResult: 'FAILURE', stageResult: 'FAILURE')", work.length ? work : ["echo 'no steps'"]);
}

function unsupported(job: Job): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (job.services.length) {
    out.push(
      diagnostic({
        code: SERVICES_UNSUPPORTED,
        message: `job "${job.id}": services (${job.services.map((s) => s.name).join(", ")}) cannot be expressed by the jenkins provider: declarative pipelines have no service containers`,
        hint: "start the service from a step (e.g. docker run -d) or limit the job to other providers with `providers:`",
        loc: job.loc,
      }),
    );
  }
  const caches =
    job.caches.length + job.steps.filter((s) => s.kind.case === "restoreCache" || s.kind.case === "saveCache").length;
  if (caches) {
    out.push(
      diagnostic({
        severity: "warning",
        code: CACHES_UNSUPPORTED,
        message: `job "${job.id}": cache is not restored or saved on jenkins (Jenkins has no built-in cache); the job runs without it`,
        hint: "use agents with persistent tool caches, or the Job Cacher plugin through your own steps",
        loc: job.loc,
      }),
    );
  }
  return out;
}
