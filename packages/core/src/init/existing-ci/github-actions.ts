import {
  type CarriedJob,
  type CarriedStep,
  type CarriedTrigger,
  mapping,
  readEnv,
  scalar,
  stringList,
} from "./carried-job";
import { githubText } from "./ci-text";
import type { CiYaml } from "./read-ci-yaml";

/** Events that run a workflow on every change, as cigen's default workflow does. */
const ON_CHANGES = ["pull_request", "pull_request_target", "merge_group"];

/**
 * The jobs of one GitHub Actions workflow. `run:` steps are carried over; `uses:` steps are not
 * (checkout is automatic in cigen and setup actions are what `packages:` replaces; any other
 * action is named in a note). A workflow that neither runs on pushes or pull requests nor on a
 * schedule (release, workflow_dispatch) is left out with a note.
 */
export function readGithubWorkflow(yaml: CiYaml): { jobs: CarriedJob[]; notes: string[] } {
  const workflow = mapping(yaml.data) ?? {};
  const when = workflowTrigger(yaml.file, workflow.on);
  if (when.skip) return { jobs: [], notes: [when.skip] };
  const workflowEnv = mapping(workflow.env) ?? {};
  const jobs = Object.entries(mapping(workflow.jobs) ?? {}).map(([name, raw]) =>
    readJob(yaml, name, mapping(raw) ?? {}, workflowEnv, when),
  );
  return { jobs, notes: [] };
}

interface WorkflowTrigger {
  skip?: string;
  trigger?: CarriedTrigger;
  notes: string[];
}

function workflowTrigger(file: string, on: unknown): WorkflowTrigger {
  const events: Record<string, unknown> =
    typeof on === "string"
      ? { [on]: {} }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((e) => [String(e), {}]))
        : (mapping(on) ?? {});
  const names = Object.keys(events);
  const notes: string[] = [];
  const others = names.filter((e) => e !== "push" && e !== "schedule" && !ON_CHANGES.includes(e));
  if (others.length) notes.push(`its workflow also ran on ${others.join(", ")}, which is not carried over`);
  for (const e of ["push", ...ON_CHANGES]) {
    const filters = Object.keys(mapping(events[e]) ?? {}).filter((k) => k.startsWith("paths"));
    if (filters.length) notes.push(`the ${e} path filters are not carried over (source_files skips unchanged work)`);
  }
  if (names.some((e) => ON_CHANGES.includes(e))) return { notes };
  if ("push" in events) {
    const push = mapping(events.push) ?? {};
    const branches = stringList(push.branches);
    const tags = stringList(push.tags);
    if (push["branches-ignore"] || push["tags-ignore"])
      notes.push("the push branch/tag ignore lists are not carried over");
    if (!branches.length && !tags.length) return { notes };
    return {
      trigger: { ...(branches.length ? { branches } : {}), ...(tags.length ? { tags } : {}) },
      notes,
    };
  }
  const crons = (Array.isArray(events.schedule) ? events.schedule : []).flatMap((s) => scalar(mapping(s)?.cron) ?? []);
  if (crons.length) {
    if (crons.length > 1) notes.push(`only the first of its schedules (${crons.join("; ")}) is carried over`);
    return { trigger: { scheduled: { cron: crons[0] } }, notes };
  }
  return {
    skip: `${file} runs on ${names.join(", ") || "nothing"}, not on pushes or pull requests: its jobs are not carried over (add a workflows: entry and its jobs by hand)`,
    notes,
  };
}

function readJob(
  yaml: CiYaml,
  name: string,
  job: Record<string, unknown>,
  workflowEnv: Record<string, unknown>,
  when: WorkflowTrigger,
): CarriedJob {
  const notes = new Set<string>(when.notes);
  const note = (n: string) => notes.add(n);
  const carried: CarriedJob = {
    key: `${yaml.file}#${name}`,
    name,
    file: yaml.file,
    line: yaml.lineOf(["jobs", name]),
    steps: [],
    needs: stringList(job.needs).map((n) => `${yaml.file}#${n}`),
    services: [],
    env: {},
    notes: [],
  };
  if (typeof job.uses === "string") {
    note(`it calls the reusable workflow ${job.uses}`);
    carried.notes = [...notes];
    return carried;
  }
  const matrix = readMatrix(job, note);
  if (matrix.size) {
    carried.matrix = Object.fromEntries([...matrix.values()].map((d) => [d.name, d.values]));
    note("its matrix is carried over, but packages: set up the versions the repository's files name, not the matrix's");
  }
  const dimensions = new Map([...matrix].map(([source, d]) => [source, d.name]));
  const text = (s: string) => githubText(s, dimensions, note);

  carried.env = readEnv({ ...workflowEnv, ...(mapping(job.env) ?? {}) }, text, note);
  const container = typeof job.container === "string" ? job.container : scalar(mapping(job.container)?.image);
  if (container) carried.image = text(container);
  if (mapping(job.container) && Object.keys(mapping(job.container) ?? {}).some((k) => k !== "image"))
    note("the container's settings other than its image are not carried over");
  for (const [service, raw] of Object.entries(mapping(job.services) ?? {})) {
    const image = typeof raw === "string" ? raw : scalar(mapping(raw)?.image);
    if (image) carried.services.push(text(image));
    else note(`service "${service}" has no image and is not carried over`);
    if (mapping(raw) && Object.keys(mapping(raw) ?? {}).some((k) => k !== "image"))
      note("service settings (env, ports, options) are not carried over: service modules set their own");
  }
  const runsOn = scalar(job["runs-on"]);
  if (runsOn === undefined || !/^ubuntu-/.test(runsOn))
    note(`it ran on ${runsOn ?? "a runner expression"}; cigen's default runner is Linux (set runner: if it matters)`);
  const minutes = Number(job["timeout-minutes"]);
  if (Number.isInteger(minutes) && minutes > 0) carried.timeout = minutes;

  const defaultDirectory = scalar(mapping(mapping(job.defaults)?.run)?.["working-directory"]);
  const setups: string[] = [];
  for (const raw of Array.isArray(job.steps) ? job.steps : []) {
    const step = mapping(raw) ?? {};
    if (typeof step.run === "string") carried.steps.push(readRunStep(step, defaultDirectory, text, note));
    else if (typeof step.uses === "string") {
      if (/^actions\/checkout@/.test(step.uses)) continue;
      if (/\/setup-|\/action-setup@|^actions\/cache@/.test(step.uses)) setups.push(step.uses.split("@")[0]);
      else note(`step uses ${step.uses}, a GitHub action: not carried over`);
    }
  }
  if (setups.length) note(`${setups.join(", ")} are left to packages: (modules set up tools and caches)`);
  carried.trigger = jobTrigger(job, when.trigger, note);
  carried.notes = [...notes];
  return carried;
}

function readRunStep(
  step: Record<string, unknown>,
  defaultDirectory: string | undefined,
  text: (s: string) => string,
  note: (n: string) => void,
): CarriedStep {
  const carried: CarriedStep = { command: text(step.run as string) };
  const name = scalar(step.name);
  if (name) carried.name = text(name);
  const label = name ?? (step.run as string).split("\n")[0];
  const directory = scalar(step["working-directory"]) ?? defaultDirectory;
  if (directory) carried.workingDirectory = text(directory);
  const condition = scalar(step.if);
  if (condition !== undefined) {
    const plain = condition.replace(/^\s*\$\{\{\s*|\s*\}\}\s*$/g, "").trim();
    if (plain === "always()" || plain === "!cancelled()") carried.if = "always";
    else if (plain === "failure()") carried.if = "failure";
    else if (plain !== "success()") note(`step "${label}" ran only if ${condition}; it now always runs`);
  }
  const shell = scalar(step.shell);
  if (shell && !/^(bash|sh)\b/.test(shell))
    note(`step "${label}" ran in ${shell}; cigen runs steps in the default shell`);
  if (step["continue-on-error"]) note(`step "${label}" could fail without failing the job; now it cannot`);
  const env = readEnv(mapping(step.env) ?? {}, text, note);
  if (Object.keys(env).length) carried.env = env;
  return carried;
}

/**
 * A job-level `if:` cigen can express (a branch or tag ref) becomes its trigger; any other
 * condition, or a deployment environment, makes the job manual: running it on every push could
 * deploy from any branch, while a manual job never runs something the old CI would not have.
 */
function jobTrigger(
  job: Record<string, unknown>,
  fromWorkflow: CarriedTrigger | undefined,
  note: (n: string) => void,
): CarriedTrigger | undefined {
  const condition = scalar(job.if);
  if (condition !== undefined) {
    const plain = condition.replace(/^\s*\$\{\{\s*|\s*\}\}\s*$/g, "").trim();
    const branch = /^github\.ref\s*==\s*'refs\/heads\/([^']+)'$/.exec(plain);
    if (branch && !fromWorkflow) return { branches: [branch[1]] };
    const tag = /^startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/([^']*)'\s*\)$/.exec(plain);
    if (tag && !fromWorkflow) return { tags: [`${tag[1]}*`] };
    note(`it ran only if ${condition}; it is manual until you give it a trigger`);
    return "manual";
  }
  if (job.environment !== undefined && !fromWorkflow) {
    const environment = scalar(job.environment) ?? scalar(mapping(job.environment)?.name) ?? "an environment";
    note(`it deployed to ${environment}; it is manual until you give it a trigger`);
    return "manual";
  }
  return fromWorkflow;
}

/** A matrix of plain value lists, keyed by its GitHub dimension; anything richer is left out. */
function readMatrix(
  job: Record<string, unknown>,
  note: (n: string) => void,
): Map<string, { name: string; values: string[] }> {
  const raw = mapping(job.strategy)?.matrix;
  const dimensions = new Map<string, { name: string; values: string[] }>();
  if (raw === undefined) return dimensions;
  const matrix = mapping(raw);
  const plain =
    matrix !== undefined &&
    Object.entries(matrix).every(
      ([k, v]) => k === "include" || k === "exclude" || (Array.isArray(v) && v.every((x) => scalar(x) !== undefined)),
    );
  if (!matrix || !plain) {
    note("its matrix is not carried over (only lists of plain values are)");
    return dimensions;
  }
  if (matrix.include || matrix.exclude) note("its matrix include/exclude entries are not carried over");
  for (const [k, v] of Object.entries(matrix)) {
    if (k === "include" || k === "exclude") continue;
    const name = k.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=[0-9])/, "_");
    dimensions.set(k, { name, values: (v as unknown[]).map((x) => scalar(x) as string) });
  }
  return dimensions;
}
