/** Builders for hand-made models in tests: terse, and typed by the protocol's init shapes. */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Job,
  JobSchema,
  type Model,
  ModelSchema,
  type Segment,
  SegmentSchema,
  type Step,
  StepSchema,
  type Text,
  TextSchema,
} from "@cigen/protocol";

type StepInit = MessageInitShape<typeof StepSchema>;
type JobInit = MessageInitShape<typeof JobSchema>;
type ModelInit = MessageInitShape<typeof ModelSchema>;
type Part = string | MessageInitShape<typeof SegmentSchema>["kind"];

/** A Text from literal strings and `{ case, value }` runtime parts. */
export function text(...parts: Part[]): Text {
  return create(TextSchema, {
    parts: parts.map(
      (p): Segment => create(SegmentSchema, { kind: typeof p === "string" ? { case: "literal", value: p } : p }),
    ),
  });
}

export const envRef = (name: string): Part => ({ case: "env", value: name });
export const secretRef = (name: string): Part => ({ case: "secret", value: name });
export const gitRef = (kind: "sha" | "branch"): Part => ({ case: "git", value: kind });
export const checksumRef = (path: string): Part => ({ case: "checksum", value: path });
export const platformRef = (kind: "os" | "arch"): Part => ({ case: "platform", value: kind });

/** A run step. */
export function run(command: string | Text, init: Omit<StepInit, "kind"> = {}): Step {
  const cmd = typeof command === "string" ? text(command) : command;
  return create(StepSchema, { ...init, kind: { case: "run", value: { command: cmd } } } as StepInit);
}

/** A job in workflow `ci` with one run step unless told otherwise. */
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
