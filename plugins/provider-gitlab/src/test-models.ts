/**
 * Builders for hand-made models in tests. `t("npm ci --cache {{ env.HOME }}")` writes a model Text
 * from the same `{{ ... }}` references cigen.yml uses, so test inputs read like the config.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Job,
  JobSchema,
  type Model,
  ModelSchema,
  type Segment,
  SegmentSchema,
  type StepSchema,
  type Text,
  TextSchema,
} from "@cigen/protocol";

const REF = /\{\{\s*(?:(env|secrets|git)\.(\w+)|checksum\s+"([^"]*)"|(os|arch))\s*\}\}/g;

/** A model Text from a template with `{{ env.X }}`, `{{ secrets.X }}`, `{{ git.sha }}`, `{{ checksum "f" }}`, `{{ os }}`. */
export function t(template: string): Text {
  const parts: Segment[] = [];
  const literal = (value: string) => create(SegmentSchema, { kind: { case: "literal", value } });
  let last = 0;
  for (const m of template.matchAll(REF)) {
    if (m.index > last) parts.push(literal(template.slice(last, m.index)));
    parts.push(create(SegmentSchema, { kind: segment(m) }));
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(literal(template.slice(last)));
  return create(TextSchema, { parts });
}

function segment([, ns, name, path, platform]: RegExpMatchArray): Segment["kind"] {
  if (ns === "env") return { case: "env", value: name };
  if (ns === "secrets") return { case: "secret", value: name };
  if (ns === "git") return { case: "git", value: name };
  if (path !== undefined) return { case: "checksum", value: path };
  return { case: "platform", value: platform };
}

type StepInit = MessageInitShape<typeof StepSchema>;

/** A run step. */
export function run(command: string, extra: Omit<StepInit, "kind"> = {}): StepInit {
  return { ...extra, kind: { case: "run", value: { command: t(command) } } } as StepInit;
}

/** A job with defaults a resolved model would have (checkout on, shallow, one step). */
export function job(id: string, init: MessageInitShape<typeof JobSchema> = {}): Job {
  return create(JobSchema, {
    id,
    baseId: id,
    runner: { className: "default" },
    checkout: { enabled: true, depth: 1 },
    workflow: "ci",
    steps: [run(`echo ${id}`)],
    loc: { file: "cigen.yml", line: 1, column: 1 },
    ...init,
  } as MessageInitShape<typeof JobSchema>);
}

/** A model with the given jobs and a default `ci` workflow on push to any branch and pull requests. */
export function model(jobs: Job[], init: MessageInitShape<typeof ModelSchema> = {}): Model {
  return create(ModelSchema, {
    project: { name: "demo" },
    configPath: "cigen.yml",
    workflows: [{ id: "ci", triggers: { push: { branches: ["**"] }, pullRequest: {} } }],
    jobs,
    ...init,
  } as MessageInitShape<typeof ModelSchema>);
}

/** The flags the core sends with a normal generate, and with `cigen continuation`. */
export const SETUP_FLAGS = { "skip.mode": "setup", "skip.command": "npx --no-install cigen" };
export const CONTINUATION_FLAGS = { "skip.mode": "continuation", "skip.command": "npx --no-install cigen" };

/** Skip settings for a job: its globs and store (native unless given). */
export function skip(
  sourceFiles: string[],
  type = "native",
  settings: object = {},
): MessageInitShape<typeof JobSchema>["skip"] {
  return { sourceFiles, store: { type, settingsJson: JSON.stringify(settings) } };
}
