/**
 * The whole Jenkinsfile: `pipeline { agent, options, parameters, triggers, tools, environment,
 * stages }`. Stages follow the DAG level by level; the jobs of one level run in `parallel`.
 * provider_config supplies the pipeline directives (see provider-config.ts). With job skipping, a
 * plan stage comes first (see skip-plan.ts).
 */
import { create } from "@bufbuild/protobuf";
import { diagnostic } from "@cigen/plugin-sdk";
import { type Diagnostic, JobSchema, type Model } from "@cigen/protocol";
import type { SkipSettings } from "@cigen/provider-kit";
import { AMBIGUOUS_SCHEDULE } from "./codes";
import { andAncestors, dependencyWhen, levels, markedJobs } from "./dependencies";
import { globalEnvironment } from "./environment";
import { block } from "./groovy-string";
import {
  agentDirective,
  environmentEntries,
  lines,
  PIPELINE_DIRECTIVES,
  parseConfig,
  toolLines,
  unknownDirectives,
} from "./provider-config";
import { nativeStoreDiagnostics, notSkipped, planStage, recordStep, skippedByPlan } from "./skip-plan";
import { skippedJobs } from "./skipped-jobs";
import { jobStage } from "./stage";
import { jobFilterWhen, modelSchedules, pipelineTriggers, workflowWhen } from "./triggers";
import { allOf } from "./when";

/** The Jenkinsfile body (without header) and its diagnostics. */
export function buildPipeline(model: Model, skip?: SkipSettings): { text: string; diagnostics: Diagnostic[] } {
  const config = parseConfig(model.providerConfigJson, "provider_config.jenkins");
  const settings = config.settings;
  const diagnostics = [
    ...config.diagnostics,
    ...unknownDirectives(settings, PIPELINE_DIRECTIVES),
    ...(skip ? nativeStoreDiagnostics(model) : []),
  ];
  const globals = globalEnvironment(model, create(JobSchema));
  const environment = new Map(globals);
  for (const [k, v] of environmentEntries(settings.environment)) environment.set(k, v);
  const stages = stageLines(model, globals, diagnostics, skip);
  const section = (name: string, entries: string[]) => (entries.length ? block(name, entries) : []);
  const body = [
    ...(agentDirective(settings.agent) ?? ["agent none"]),
    ...section("options", lines(settings.options)),
    ...section("parameters", lines(settings.parameters)),
    ...section("triggers", [...pipelineTriggers(model), ...lines(settings.triggers)]),
    ...section("tools", toolLines(settings.tools)),
    ...section(
      "environment",
      [...environment].map(([k, v]) => `${k} = ${v}`),
    ),
    ...block("stages", stages),
  ];
  return { text: `${block("pipeline", body).join("\n")}\n`, diagnostics };
}

function stageLines(
  model: Model,
  globals: [string, string][],
  diagnostics: Diagnostic[],
  skip?: SkipSettings,
): string[] {
  const known = new Set(model.jobs.map((j) => j.id));
  const workflows = new Map(model.workflows.map((wf) => [wf.id, workflowWhen(wf)]));
  const marked = markedJobs(model.jobs);
  const ancestors = andAncestors(model.jobs);
  const crons = modelSchedules(model);
  const planned = skip ? skippedJobs(model) : new Set<string>();
  const byId = new Map(model.jobs.map((j) => [j.id, j]));
  const ownWhen = (id: string) => {
    const job = byId.get(id);
    return job ? allOf(workflows.get(job.workflow) ?? allOf(), jobFilterWhen(job)) : allOf();
  };
  // An upstream job the plan skipped counts as succeeded where it would have run by its own
  // workflow and filter (what it needs does not matter: it is not run again).
  const skipped = (id: string) => (planned.has(id) ? allOf(skippedByPlan(id), ownWhen(id)) : undefined);
  const out: string[] = skip ? planStage([...planned], skip) : [];
  levels(model.jobs).forEach((group, i) => {
    const stages = group.map((job) => {
      if (job.trigger?.cron && crons.length > 1) diagnostics.push(ambiguousSchedule(job.id, crons, job.loc));
      const plannedJob = skip && planned.has(job.id) ? skip : undefined;
      const when = allOf(
        ownWhen(job.id),
        dependencyWhen(job, known, skipped),
        plannedJob ? notSkipped(job.id) : allOf(),
      );
      const stage = jobStage(job, {
        when,
        globals,
        certain: ancestors(job.id),
        marked: marked.has(job.id),
        record: plannedJob ? recordStep(job.id, plannedJob) : undefined,
      });
      diagnostics.push(...stage.diagnostics);
      return stage.lines;
    });
    out.push(...(stages.length === 1 ? stages[0] : block(`stage('level-${i + 1}')`, block("parallel", stages.flat()))));
  });
  return out;
}

function ambiguousSchedule(id: string, crons: string[], loc: Model["jobs"][number]["loc"]): Diagnostic {
  return diagnostic({
    code: AMBIGUOUS_SCHEDULE,
    message: `job "${id}": trigger.scheduled cannot be expressed by the jenkins provider when the Jenkinsfile has several schedules (${crons.join("; ")}): a timer build does not say which cron started it`,
    hint: "use one schedule for this Jenkinsfile, or give the scheduled jobs their own Jenkinsfile (outputs)",
    loc,
  });
}
