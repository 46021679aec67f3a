/**
 * Workflow and job triggers as `when` conditions and the pipeline's `triggers { cron }`. A
 * Jenkinsfile runs for every build of its multibranch job (branches, tags, change requests, timer
 * and manual builds), so each stage checks that the build is one its workflow runs for.
 */
import type { Job, Model, Workflow } from "@cigen/protocol";
import { groovyString } from "./groovy-string";
import { allOf, anyOf, cond, not, type When } from "./when";

const TIMER = cond("triggeredBy 'TimerTrigger'");
const USER = cond("triggeredBy cause: 'UserIdCause'");
const CHANGE_REQUEST = cond("changeRequest()");

/** Ordered glob matching (later `!glob` excludes), with `match` writing one glob's condition. */
export function refMatch(globs: string[], match: (glob: string) => When): When {
  let out: When = anyOf();
  for (const glob of globs) {
    out = glob.startsWith("!") ? allOf(out, not(match(glob.slice(1)))) : anyOf(out, match(glob));
  }
  return out;
}

const branch = (g: string) => cond(`branch ${groovyString(g)}`);
const tag = (g: string) => cond(`tag ${groovyString(g)}`);

/** The builds a workflow runs in. */
export function workflowWhen(workflow: Workflow): When {
  const t = workflow.triggers;
  if (!t) return anyOf();
  const alternatives: When[] = [];
  if (t.push) {
    const { branches, tags } = t.push;
    const refs =
      branches.length || tags.length
        ? anyOf(allOf(not(cond("buildingTag()")), refMatch(branches, branch)), refMatch(tags, tag))
        : allOf();
    alternatives.push(allOf(not(CHANGE_REQUEST), not(TIMER), not(USER), refs));
  }
  if (t.pullRequest) {
    const targets = t.pullRequest.branches;
    const target = (g: string) => cond(`changeRequest target: ${groovyString(g)}, comparator: 'GLOB'`);
    alternatives.push(targets.length ? refMatch(targets, target) : CHANGE_REQUEST);
  }
  if (t.schedules.length) alternatives.push(TIMER);
  if (t.manual) alternatives.push(USER);
  return anyOf(...alternatives);
}

/** The job's own filter: its refs and its schedule (a timer build). */
export function jobFilterWhen(job: Job): When {
  const t = job.trigger;
  if (!t) return allOf();
  const source = (g: string) => cond(`changeRequest branch: ${groovyString(g)}, comparator: 'GLOB'`);
  const refs =
    t.branches.length || t.tags.length
      ? anyOf(
          allOf(not(cond("buildingTag()")), refMatch(t.branches, branch)),
          refMatch(t.branches, source),
          refMatch(t.tags, tag),
        )
      : allOf();
  return allOf(refs, t.cron ? TIMER : allOf());
}

/** Every cron of the model, sorted, for `triggers { cron(...) }`. */
export function modelSchedules(model: Model): string[] {
  const all = new Set<string>();
  for (const wf of model.workflows) for (const cron of wf.triggers?.schedules ?? []) all.add(cron);
  for (const job of model.jobs) if (job.trigger?.cron) all.add(job.trigger.cron);
  return [...all].sort();
}

/** The `triggers { }` entries: one `cron` holding every schedule, one per line. */
export function pipelineTriggers(model: Model): string[] {
  const schedules = modelSchedules(model);
  // Jenkins reads one spec per line; "\n" inside a one-line string keeps the call on one line.
  return schedules.length ? [`cron(${groovyString(schedules.join("\u0000")).replaceAll("\u0000", "\\n")})`] : [];
}
