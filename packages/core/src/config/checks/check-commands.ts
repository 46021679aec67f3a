import type { Diagnostic } from "../../diagnostics/diagnostic";
import { suggestionHint } from "../../diagnostics/did-you-mean";
import { ConfigCodes } from "../codes";
import type { StepConfig } from "../config-types";
import type { LoadedConfig } from "../loaded-config";
import { type ConfigCheck, configError, configKeyError } from "./config-error";
import { findCycles } from "./find-cycles";

/**
 * `- command:` steps (in jobs and in other commands) must name a command, pass only its declared
 * parameters, pass every parameter without a default, and commands may not call each other in a loop.
 */
export const checkCommands: ConfigCheck = (config) => {
  const out: Diagnostic[] = [];
  for (const [id, job] of Object.entries(config.raw.jobs)) {
    checkSteps(config, job.steps, ["jobs", id, "steps"], out);
  }
  const commands = config.raw.commands ?? {};
  const calls = new Map<string, string[]>();
  for (const [name, command] of Object.entries(commands)) {
    checkSteps(config, command.steps, ["commands", name, "steps"], out);
    calls.set(
      name,
      command.steps.flatMap((s) => (s.command !== undefined && s.command in commands ? [s.command] : [])),
    );
  }
  for (const cycle of findCycles(calls)) {
    const index = commands[cycle[0]].steps.findIndex((s) => s.command === cycle[1]);
    const message = `commands call each other in a loop: ${cycle.join(" -> ")}`;
    out.push(
      configError(config, ConfigCodes.COMMAND_RECURSION, ["commands", cycle[0], "steps", index, "command"], message),
    );
  }
  return out;
};

function checkSteps(config: LoadedConfig, steps: StepConfig[], path: (string | number)[], out: Diagnostic[]): void {
  const commands = config.raw.commands ?? {};
  const names = Object.keys(commands);
  steps.forEach((step, i) => {
    if (step.command === undefined) return;
    const stepPath = [...path, i];
    const command = commands[step.command];
    if (!command) {
      const message = `unknown command "${step.command}"`;
      out.push(
        configError(
          config,
          ConfigCodes.UNKNOWN_COMMAND,
          [...stepPath, "command"],
          message,
          suggestionHint(step.command, names, "Known commands"),
        ),
      );
      return;
    }
    const parameters = command.parameters ?? {};
    const declared = Object.keys(parameters);
    for (const given of Object.keys(step.with ?? {})) {
      if (given in parameters) continue;
      const message = `command "${step.command}" has no parameter "${given}"`;
      out.push(
        configKeyError(
          config,
          ConfigCodes.UNKNOWN_COMMAND_PARAMETER,
          [...stepPath, "with", given],
          message,
          suggestionHint(given, declared, "Its parameters"),
        ),
      );
    }
    for (const [name, parameter] of Object.entries(parameters)) {
      if (parameter?.default !== undefined || (step.with && name in step.with)) continue;
      const message = `command "${step.command}" needs parameter "${name}"`;
      const hint = `pass it under "with:", or give the parameter a default`;
      out.push(configError(config, ConfigCodes.MISSING_COMMAND_PARAMETER, [...stepPath, "command"], message, hint));
    }
  });
}
