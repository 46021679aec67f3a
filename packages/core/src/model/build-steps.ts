import { create } from "@bufbuild/protobuf";
import {
  InputSchema,
  RestoreCacheStepSchema,
  SaveCacheStepSchema,
  type Step,
  StepCondition,
  type Text,
  UsesStepSchema,
} from "@cigen/protocol";
import type { ConfigPath, StepConfig } from "../config/config-types";
import type { JobContext } from "./job-context";
import { runStepMessage } from "./messages";

const CONDITIONS = { success: StepCondition.SUCCESS, failure: StepCondition.FAILURE, always: StepCondition.ALWAYS };
/** Commands calling commands deeper than this are a loop (the command check reports it). */
const MAX_COMMAND_DEPTH = 16;

/** Builds the model steps of a step list, inlining `command:` calls. */
export function buildSteps(ctx: JobContext, steps: readonly StepConfig[], path: ConfigPath, depth = 0): Step[] {
  return steps.flatMap((step, i) => {
    const stepPath = [...path, i];
    if (step.command !== undefined) return depth < MAX_COMMAND_DEPTH ? inlineCommand(ctx, step, stepPath, depth) : [];
    return [buildStep(ctx, step, stepPath)];
  });
}

function buildStep(ctx: JobContext, step: StepConfig, path: ConfigPath): Step {
  const run = typeof step.run === "object" ? step.run : undefined;
  const name = run?.name ?? step.name;
  const workingDirectory = run?.working_directory ?? step.working_directory;
  const under = (key: string) =>
    run?.[key as keyof typeof run] !== undefined ? [...path, "run", key] : [...path, key];
  // A literal, not create(StepSchema): see messages.ts (one of the model's most numerous messages).
  return {
    $typeName: "cigen.plugin.v1.Step",
    name: name === undefined ? "" : ctx.string(under("name"), name, "a step name"),
    condition: CONDITIONS[run?.if ?? step.if ?? "success"],
    env: [...ctx.env(step.env, [...path, "env"]), ...ctx.env(run?.env, [...path, "run", "env"])],
    workingDirectory:
      workingDirectory === undefined
        ? ""
        : ctx.string(under("working_directory"), workingDirectory, "a working directory"),
    kind: stepKind(ctx, step, path),
    loc: ctx.loc(path),
  };
}

function stepKind(ctx: JobContext, step: StepConfig, path: ConfigPath): Step["kind"] {
  if (step.run !== undefined) {
    const command = typeof step.run === "string" ? step.run : step.run.command;
    const commandPath = typeof step.run === "string" ? [...path, "run"] : [...path, "run", "command"];
    return { case: "run", value: runStepMessage(ctx.text(commandPath, command, "a run command")) };
  }
  if (step.uses !== undefined) {
    const inputs = Object.entries(step.with ?? {}).map(([name, value]) =>
      create(InputSchema, { name, value: ctx.text([...path, "with", name], value, `input "${name}"`) }),
    );
    // Modules do not exist yet: every `uses` is passed to the provider as its own action.
    const ref = ctx.string([...path, "uses"], step.uses, "a uses reference");
    return { case: "uses", value: create(UsesStepSchema, { ref, with: inputs, native: true }) };
  }
  if (step.restore_cache) {
    const c = step.restore_cache;
    const at = [...path, "restore_cache"];
    return {
      case: "restoreCache",
      value: create(RestoreCacheStepSchema, {
        key: ctx.text([...at, "key"], c.key, "a cache key"),
        restoreKeys: (c.restore_keys ?? []).map((k, j) => ctx.text([...at, "restore_keys", j], k, "a restore key")),
        paths: (c.paths ?? []).map((p, j) => ctx.string([...at, "paths", j], p, "a cache path")),
      }),
    };
  }
  const c = step.save_cache!;
  const at = [...path, "save_cache"];
  return {
    case: "saveCache",
    value: create(SaveCacheStepSchema, {
      key: ctx.text([...at, "key"], c.key, "a cache key"),
      paths: c.paths.map((p, j) => ctx.string([...at, "paths", j], p, "a cache path")),
    }),
  };
}

/**
 * Expands `- command: name` into the command's steps. Parameters are interpolated where the call
 * is (so `with: {v: "{{ matrix.ruby }}"}` works) and spliced in as Text wherever the command's
 * steps say `{{ params.v }}`. The call's own env and `if` apply to every inlined step.
 */
function inlineCommand(ctx: JobContext, step: StepConfig, path: ConfigPath, depth: number): Step[] {
  const name = step.command!;
  const command = ctx.config.raw.commands?.[name];
  if (!command) return [];
  const params = new Map<string, Text>();
  for (const [param, spec] of Object.entries(command.parameters ?? {})) {
    const given = step.with?.[param];
    if (given !== undefined) params.set(param, ctx.text([...path, "with", param], given, `parameter "${param}"`));
    else if (spec?.default !== undefined) {
      params.set(
        param,
        ctx.text(["commands", name, "parameters", param, "default"], spec.default, `parameter "${param}"`),
      );
    }
  }
  const inner = ctx.withScope({ ...ctx.scope, params });
  const callEnv = ctx.env(step.env, [...path, "env"]);
  return buildSteps(inner, command.steps, ["commands", name, "steps"], depth + 1).map((s) => {
    s.env = [...callEnv, ...s.env];
    if (step.if && s.condition === StepCondition.SUCCESS) s.condition = CONDITIONS[step.if];
    return s;
  });
}
