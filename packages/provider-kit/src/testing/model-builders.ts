/** Builders for hand-made models in tests: terse, typed by the protocol's init shapes. */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Job, JobSchema, type Model, ModelSchema, type Step, StepSchema, type Text } from "@cigen/protocol";
import { t } from "./template-text";
import { text } from "./text";

type StepInit = MessageInitShape<typeof StepSchema>;
type JobInit = MessageInitShape<typeof JobSchema>;
type ModelInit = MessageInitShape<typeof ModelSchema>;

/** A run step; a string command is one literal. */
export function run(command: string | Text, init: Omit<StepInit, "kind"> = {}): Step {
  const cmd = typeof command === "string" ? text(command) : command;
  return create(StepSchema, { ...init, kind: { case: "run", value: { command: cmd } } } as StepInit);
}

/** A run step whose command is a `t()` template (`{{ env.X }}` and friends become references). */
export function templateRun(command: string, init: Omit<StepInit, "kind"> = {}): Step {
  return run(t(command), init);
}

/** A SetupToolchain step as a module emits it: `setupToolchain("node", "20.11.1", "node:20.11.1")`. */
export function setupToolchain(tool: string, version: string, image = "", init: Omit<StepInit, "kind"> = {}): Step {
  const install = text(`cigen-install-${tool} ${version}`);
  const value = { tool, version, module: `lang/${tool}`, image, install };
  return create(StepSchema, { ...init, kind: { case: "setupToolchain", value } } as StepInit);
}

/** A job with the defaults a resolved model has: workflow `ci`, default runner, shallow checkout, one step. */
export function job(id: string, init: JobInit = {}): Job {
  return create(JobSchema, {
    id,
    baseId: id,
    workflow: "ci",
    runner: { className: "default" },
    checkout: { enabled: true, depth: 1 },
    steps: [run(`echo ${id}`)],
    loc: { file: "cigen.yml", line: 1, column: 1 },
    ...init,
  } as JobInit);
}

/** A model with the default workflow `ci` (push to any branch, pull requests) unless told otherwise. */
export function model(init: ModelInit = {}): Model {
  return create(ModelSchema, {
    project: { name: "demo" },
    configPath: "cigen.yml",
    workflows: [{ id: "ci", triggers: { push: { branches: ["**"] }, pullRequest: {} } }],
    ...init,
  } as ModelInit);
}

/** `model()` with the given jobs first: `modelOf([job("a")], { workflows })`. */
export function modelOf(jobs: Job[], init: ModelInit = {}): Model {
  return model({ jobs, ...init });
}
