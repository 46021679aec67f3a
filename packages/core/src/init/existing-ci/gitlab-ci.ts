import { type CarriedJob, type CarriedTrigger, mapping, readEnv, scalar } from "./carried-job";
import { gitlabText } from "./ci-text";
import { globOf } from "./glob-of";
import type { CiYaml } from "./read-ci-yaml";

type Note = (n: string) => void;
type Job = Record<string, unknown>;

/** Top-level keys of .gitlab-ci.yml that are not jobs. */
const RESERVED = new Set([
  "image",
  "services",
  "stages",
  "types",
  "before_script",
  "after_script",
  "variables",
  "cache",
  "default",
  "include",
  "workflow",
  "spec",
]);
const DEFAULT_STAGES = [".pre", "build", "test", "deploy", ".post"];
/** `only:` keywords that name a kind of pipeline, not a branch. */
const PIPELINE_KINDS = new Set([
  "api",
  "branches",
  "chat",
  "external",
  "external_pull_requests",
  "merge_requests",
  "pipelines",
  "pushes",
  "schedules",
  "tags",
  "triggers",
  "web",
]);

/**
 * The jobs of .gitlab-ci.yml. Hidden jobs (`.name`) are templates, not jobs: they are merged into
 * the jobs that `extends:` them, and `!reference` tags are resolved. A job's before_script and
 * script become one step, since GitLab runs them in one shell (a `cd` or `export` carries on);
 * after_script runs even on failure. Without `needs:`, a job waits for the jobs of the stage
 * before its own, as GitLab runs stages in order.
 */
export function readGitlab(yaml: CiYaml): { jobs: CarriedJob[]; notes: string[] } {
  const config = mapping(yaml.data) ?? {};
  const notes: string[] = [];
  if (config.include !== undefined) notes.push(`${yaml.file}: included files (include:) are not read`);
  if (mapping(config.workflow)) notes.push(`${yaml.file}: pipeline rules (workflow:) are not carried over`);
  const defaults: Job = {
    ...Object.fromEntries(["image", "services", "before_script", "after_script"].map((k) => [k, config[k]])),
    ...(mapping(config.default) ?? {}),
  };
  const stages = Array.isArray(config.stages) ? config.stages.map(String) : DEFAULT_STAGES;
  const resolve = resolver(config);

  const read = Object.keys(config)
    .filter((name) => !RESERVED.has(name) && !name.startsWith(".") && mapping(config[name]))
    .map((name) => ({ name, job: resolve(name) }))
    .filter(({ name, job }) => {
      if (job.when !== "never") return true;
      notes.push(`${yaml.file}: job ${name} never runs (when: never) and is left out`);
      return false;
    })
    .map(({ name, job }, order) => ({ name, job, order, stage: stages.indexOf(scalar(job.stage) ?? "test") }))
    .sort((a, b) => a.stage - b.stage || a.order - b.order);

  const jobs = read.map(({ name, job, stage }) => {
    const carried = readJob(yaml, name, job, defaults, mapping(config.variables) ?? {});
    if (job.needs === undefined) {
      const before = read.filter((r) => r.stage < stage);
      const previous = before.length ? Math.max(...before.map((r) => r.stage)) : -1;
      carried.needs = before.filter((r) => r.stage === previous).map((r) => `${yaml.file}#${r.name}`);
    }
    return carried;
  });
  return { jobs, notes };
}

/**
 * A job with its `extends:` templates merged in (GitLab merges mappings deeply and replaces
 * everything else), and its `!reference [job, key]` tags replaced by what they point at.
 */
function resolver(config: Record<string, unknown>): (name: string) => Job {
  const merge = (base: unknown, over: unknown): unknown => {
    const [b, o] = [mapping(base), mapping(over)];
    if (!b || !o) return over;
    const out: Record<string, unknown> = { ...b };
    for (const [k, v] of Object.entries(o)) out[k] = merge(b[k], v);
    return out;
  };
  const extended = (name: string, depth: number): Job => {
    const job = mapping(config[name]) ?? {};
    if (depth > 10) return job;
    const parents = typeof job.extends === "string" ? [job.extends] : Array.isArray(job.extends) ? job.extends : [];
    const base = parents.reduce<unknown>((acc, parent) => merge(acc, extended(String(parent), depth + 1)), {});
    return merge(base, job) as Job;
  };
  const dereference = (value: unknown, depth: number): unknown => {
    const ref = mapping(value)?.$reference;
    if (Array.isArray(ref) && ref.length && depth < 10) {
      const [job, ...keys] = ref.map(String);
      const target = keys.reduce<unknown>((node, key) => mapping(node)?.[key], extended(job, 0));
      return dereference(target, depth + 1);
    }
    if (Array.isArray(value)) return value.map((v) => dereference(v, depth));
    const map = mapping(value);
    return map ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, dereference(v, depth)])) : value;
  };
  return (name) => dereference(extended(name, 0), 0) as Job;
}

function readJob(
  yaml: CiYaml,
  name: string,
  job: Job,
  defaults: Job,
  globalVariables: Record<string, unknown>,
): CarriedJob {
  const notes = new Set<string>();
  const note = (n: string) => notes.add(n);
  const text = (s: string) => gitlabText(s, note);
  const carried: CarriedJob = {
    key: `${yaml.file}#${name}`,
    name,
    file: yaml.file,
    line: yaml.lineOf([name]),
    steps: [],
    needs: needsOf(yaml.file, job.needs, note),
    services: [],
    env: {},
    notes: [],
  };
  if (job.trigger !== undefined) {
    note("it triggers another pipeline");
    carried.notes = [...notes];
    return carried;
  }
  const image = imageName(job.image ?? defaults.image);
  if (image) carried.image = text(image);
  for (const service of listOf(job.services ?? defaults.services)) {
    const serviceImage = imageName(service);
    if (serviceImage) carried.services.push(text(serviceImage));
    if (mapping(service) && Object.keys(mapping(service) ?? {}).some((k) => k !== "name"))
      note("service settings (alias, variables, command) are not carried over: service modules set their own");
  }
  const variables = { ...globalVariables, ...(mapping(job.variables) ?? {}) };
  carried.env = readEnv(
    Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, mapping(v) ? mapping(v)?.value : v])),
    text,
    note,
  );
  const script = commands(job.before_script ?? defaults.before_script).concat(commands(job.script));
  if (script.length) carried.steps.push({ command: text(script.join("\n")) });
  const after = commands(job.after_script ?? defaults.after_script);
  if (after.length) carried.steps.push({ name: "after_script", command: text(after.join("\n")), if: "always" });
  for (const key of ["artifacts", "cache", "parallel", "retry", "allow_failure", "tags", "timeout", "coverage"])
    if (job[key] !== undefined) note(`${key}: is not carried over`);
  carried.trigger = jobTrigger(job, note);
  carried.notes = [...notes];
  return carried;
}

/** Explicit `needs:` of jobs in this file; cross-project and cross-pipeline needs are noted. */
function needsOf(file: string, needs: unknown, note: Note): string[] {
  if (!Array.isArray(needs)) return [];
  return needs.flatMap((n) => {
    const job =
      scalar(n) ?? (mapping(n) && !mapping(n)?.project && !mapping(n)?.pipeline ? scalar(mapping(n)?.job) : undefined);
    if (job === undefined) note("needs on other projects or pipelines are not carried over");
    return job === undefined ? [] : [`${file}#${job}`];
  });
}

/**
 * `when:`, `rules:` and `only:` as a trigger. A branch or tag condition cigen can express becomes
 * one; any other condition makes the job manual, so it never runs where GitLab would not have run it.
 */
function jobTrigger(job: Job, note: Note): CarriedTrigger | undefined {
  let trigger: CarriedTrigger | undefined;
  if (Array.isArray(job.rules)) trigger = rulesTrigger(job.rules, note);
  else if (job.only !== undefined) trigger = onlyTrigger(job.only, note);
  if (job.except !== undefined) note("except: is not carried over");
  if (job.when === "manual") trigger = "manual";
  else if (job.when === "on_failure" || job.when === "delayed") {
    note(`it ran with when: ${job.when}; it is manual until you give it a trigger`);
    trigger = "manual";
  } else if (job.when === "always") note("it ran with when: always, even after failures; now it waits for its needs");
  if (trigger === undefined && job.environment !== undefined) {
    const environment = scalar(job.environment) ?? scalar(mapping(job.environment)?.name) ?? "an environment";
    note(`it deployed to ${environment}; it is manual until you give it a trigger`);
    return "manual";
  }
  return trigger;
}

function rulesTrigger(rules: unknown[], note: Note): CarriedTrigger {
  const only = rules.length === 1 ? mapping(rules[0]) : undefined;
  const condition = scalar(only?.if)?.trim();
  const plainWhen = only?.when === undefined || only.when === "on_success";
  if (only && plainWhen && Object.keys(only).every((k) => k === "if" || k === "when") && condition) {
    const branch = /^\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*["']([^"'$]+)["']$/.exec(condition);
    if (branch) return { branches: [branch[1]] };
    if (/^\$CI_COMMIT_TAG$/.test(condition)) return { tags: ["*"] };
  }
  note("its rules: have no cigen form; it is manual until you give it a trigger");
  return "manual";
}

function onlyTrigger(only: unknown, note: Note): CarriedTrigger | undefined {
  const refs = Array.isArray(only) ? only : mapping(only)?.refs;
  const values = Array.isArray(refs) ? refs.map(String) : [];
  const simple = mapping(only) ? Object.keys(mapping(only) ?? {}).every((k) => k === "refs") : true;
  const branches = values.filter((v) => !PIPELINE_KINDS.has(v)).map(globOf);
  const kinds = values.filter((v) => PIPELINE_KINDS.has(v) && v !== "tags" && v !== "branches");
  if (!simple || kinds.length || branches.some((b) => b === undefined) || !values.length) {
    note("its only: has no cigen form; it is manual until you give it a trigger");
    return "manual";
  }
  if (values.includes("branches")) return values.includes("tags") ? undefined : { branches: ["**"] };
  const globs = branches as string[];
  return {
    ...(globs.length ? { branches: globs } : {}),
    ...(values.includes("tags") ? { tags: ["*"] } : {}),
  };
}

function imageName(value: unknown): string | undefined {
  return scalar(value) ?? scalar(mapping(value)?.name);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Script lines: a string or a list, nested lists flattened (as GitLab does). */
function commands(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(commands);
  const line = scalar(value);
  return line === undefined ? [] : [line];
}
