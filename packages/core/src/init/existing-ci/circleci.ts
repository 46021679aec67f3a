import {
  type CarriedJob,
  type CarriedStep,
  type CarriedTrigger,
  mapping,
  readEnv,
  scalar,
  stringList,
} from "./carried-job";
import { circleciText } from "./ci-text";
import { globOf } from "./glob-of";
import type { CiYaml } from "./read-ci-yaml";

type Note = (n: string) => void;

/** Steps with a cigen counterpart that `packages:` or another key provides, and what to say about them. */
const LEFT_TO_CIGEN: Record<string, string> = {
  save_cache: "caches are left to packages: (modules add their own)",
  restore_cache: "caches are left to packages: (modules add their own)",
  persist_to_workspace: "workspaces are not carried over (artifacts: hands files to later jobs)",
  attach_workspace: "workspaces are not carried over (artifacts: hands files to later jobs)",
  store_artifacts: "store_artifacts is not carried over (see artifacts:)",
  store_test_results: "store_test_results is not carried over",
  setup_remote_docker: "setup_remote_docker is not carried over (the docker package sets Docker up)",
};

/** One run of a job in a workflow: the job it runs, the name it runs as, and its workflow settings. */
interface WorkflowEntry {
  job: string;
  alias: string;
  settings: Record<string, unknown>;
  trigger?: CarriedTrigger;
  notes: string[];
}

/**
 * The jobs of .circleci/config.yml, in the order its workflows run them (every job of a config
 * without workflows). `run` steps are carried over; orb commands and jobs, caches and workspaces
 * are not, each with a note. An approval job is dropped and the jobs that wait for it become manual.
 */
export function readCircleci(yaml: CiYaml): { jobs: CarriedJob[]; notes: string[] } {
  const config = mapping(yaml.data) ?? {};
  const definitions = mapping(config.jobs) ?? {};
  const notes: string[] = [];
  if (mapping(config.orbs))
    notes.push(`orbs (${Object.keys(mapping(config.orbs) ?? {}).join(", ")}) are not carried over`);
  const entries = workflowEntries(config, definitions, notes);
  const approvals = new Set(entries.filter((e) => e.settings.type === "approval").map((e) => e.alias));
  const jobs: CarriedJob[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (approvals.has(entry.alias) || seen.has(entry.alias)) continue;
    seen.add(entry.alias);
    jobs.push(readJob(yaml, entry, mapping(definitions[entry.job]), mapping(config.executors) ?? {}, approvals));
  }
  return { jobs, notes };
}

function workflowEntries(
  config: Record<string, unknown>,
  definitions: Record<string, unknown>,
  notes: string[],
): WorkflowEntry[] {
  const workflows = Object.entries(mapping(config.workflows) ?? {}).filter(([name]) => name !== "version");
  if (!workflows.length) return Object.keys(definitions).map((job) => ({ job, alias: job, settings: {}, notes: [] }));
  return workflows.flatMap(([name, raw]) => {
    const workflow = mapping(raw) ?? {};
    const workflowNotes: string[] = [];
    let trigger: CarriedTrigger | undefined;
    const crons = (Array.isArray(workflow.triggers) ? workflow.triggers : []).flatMap(
      (t) => scalar(mapping(mapping(t)?.schedule)?.cron) ?? [],
    );
    if (crons.length) {
      trigger = { scheduled: { cron: crons[0] } };
      if (crons.length > 1) notes.push(`only the first schedule of workflow ${name} is carried over`);
    }
    if (workflow.when !== undefined || workflow.unless !== undefined) {
      trigger = "manual";
      workflowNotes.push(
        `its workflow ${name} ran only under a when/unless condition; it is manual until you give it a trigger`,
      );
    }
    return (Array.isArray(workflow.jobs) ? workflow.jobs : []).flatMap((item): WorkflowEntry[] => {
      if (typeof item === "string") return [{ job: item, alias: item, settings: {}, trigger, notes: workflowNotes }];
      const [job, settings] = Object.entries(mapping(item) ?? {})[0] ?? [];
      if (!job) return [];
      const s = mapping(settings) ?? {};
      return [{ job, alias: scalar(s.name) ?? job, settings: s, trigger, notes: workflowNotes }];
    });
  });
}

function readJob(
  yaml: CiYaml,
  entry: WorkflowEntry,
  definition: Record<string, unknown> | undefined,
  executors: Record<string, unknown>,
  approvals: ReadonlySet<string>,
): CarriedJob {
  const notes = new Set(entry.notes);
  const note = (n: string) => notes.add(n);
  const text = (s: string) => circleciText(s, note);
  const requires = stringList(entry.settings.requires);
  const job: CarriedJob = {
    key: `${yaml.file}#${entry.alias}`,
    name: entry.alias,
    file: yaml.file,
    line: yaml.lineOf(["jobs", entry.job]),
    steps: [],
    needs: requires.filter((r) => !approvals.has(r)).map((r) => `${yaml.file}#${r}`),
    services: [],
    env: {},
    notes: [],
  };
  if (!definition) {
    note(entry.job.includes("/") ? `it is the orb job ${entry.job}` : `it has no definition under jobs:`);
    job.notes = [...notes];
    return job;
  }
  const containers = containersOf(definition, executors, note);
  if (containers[0]) job.image = text(containers[0]);
  job.services = containers.slice(1).map(text);
  if (containers.length > 1)
    note("service settings (environment, ports) are not carried over: service modules set their own");
  job.env = readEnv(mapping(definition.environment) ?? {}, text, note);
  if (definition.parallelism !== undefined) note("parallelism is not carried over");
  if (entry.settings.context !== undefined)
    note(
      `it used the context ${stringList(entry.settings.context).join(", ")}: pass its secrets as {{ secrets.NAME }}`,
    );
  if (entry.settings.matrix !== undefined) note("its workflow matrix is not carried over");
  for (const raw of Array.isArray(definition.steps) ? definition.steps : []) {
    const step = readStep(raw, text, note);
    if (step) job.steps.push(step);
  }
  const approval = requires.find((r) => approvals.has(r));
  if (approval) {
    note(`it waited for the approval job ${approval}`);
    job.trigger = "manual";
  } else job.trigger = filterTrigger(mapping(entry.settings.filters), note) ?? entry.trigger;
  job.notes = [...notes];
  return job;
}

/** Images of the job's docker executor (its own, or a named executor's): the first runs the steps. */
function containersOf(definition: Record<string, unknown>, executors: Record<string, unknown>, note: Note): string[] {
  const executorName = scalar(definition.executor) ?? scalar(mapping(definition.executor)?.name);
  const executor = executorName ? mapping(executors[executorName]) : definition;
  if (executorName && !executor) note(`its executor ${executorName} (an orb's?) is not carried over`);
  if (executor?.machine !== undefined || executor?.macos !== undefined)
    note("it ran on a machine or macOS executor; cigen's default runner is a Linux container host");
  return (Array.isArray(executor?.docker) ? executor.docker : []).flatMap((d) => scalar(mapping(d)?.image) ?? []);
}

function readStep(raw: unknown, text: (s: string) => string, note: Note): CarriedStep | undefined {
  if (raw === "checkout") return undefined;
  if (typeof raw === "string") {
    note(`step ${raw} (a reusable or orb command) is not carried over`);
    return undefined;
  }
  const [kind, body] = Object.entries(mapping(raw) ?? {})[0] ?? [];
  if (kind !== "run") {
    if (kind) note(LEFT_TO_CIGEN[kind] ?? `step ${kind} (a reusable or orb command) is not carried over`);
    return undefined;
  }
  if (typeof body === "string") return { command: text(body) };
  const run = mapping(body) ?? {};
  const command = scalar(run.command);
  if (command === undefined) return undefined;
  const step: CarriedStep = { command: text(command) };
  const name = scalar(run.name);
  if (name) step.name = text(name);
  const label = name ?? command.split("\n")[0];
  const directory = scalar(run.working_directory);
  if (directory && !/^[~/$]/.test(directory)) step.workingDirectory = text(directory);
  else if (directory) note(`step "${label}" ran in ${directory}; steps now run at the repository root`);
  if (run.when === "always") step.if = "always";
  else if (run.when === "on_fail") step.if = "failure";
  if (run.background) note(`step "${label}" ran in the background; now it runs in the foreground`);
  const env = readEnv(mapping(run.environment) ?? {}, text, note);
  if (Object.keys(env).length) step.env = env;
  return step;
}

/**
 * Workflow filters as a cigen trigger. CircleCI runs tag builds only for jobs with tag filters,
 * so `tags.only` with every branch ignored (`/.*\/`) is a tags-only job. Simple regular
 * expressions (`/^v.*\/`) become globs; other expressions and ignore lists have no cigen form, and
 * such a job is manual.
 */
function filterTrigger(filters: Record<string, unknown> | undefined, note: Note): CarriedTrigger | undefined {
  if (!filters) return undefined;
  const branches = mapping(filters.branches) ?? {};
  const tags = mapping(filters.tags) ?? {};
  const branchOnly = stringList(branches.only).map(globOf);
  const branchIgnore = stringList(branches.ignore).map(globOf);
  const tagOnly = stringList(tags.only).map(globOf);
  const translated = [...branchOnly, ...branchIgnore, ...tagOnly].every((g) => g !== undefined);
  const allBranchesIgnored = branchIgnore.includes("*");
  if (translated && tagOnly.length && allBranchesIgnored) return { tags: tagOnly as string[] };
  if (!translated || branchIgnore.length || tags.ignore !== undefined) {
    note("its workflow filters have no cigen form; it is manual until you give it a trigger");
    return "manual";
  }
  if (branchOnly.length)
    return { branches: branchOnly as string[], ...(tagOnly.length ? { tags: tagOnly as string[] } : {}) };
  return undefined;
}
