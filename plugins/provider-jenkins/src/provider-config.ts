/**
 * provider_config for Jenkins supplies directives rather than a YAML tree: `agent` (a string such
 * as "any", or `{label}` / `{docker: {image}}`), `options`, `parameters`, `triggers` (lists of Groovy
 * lines), `environment` (name -> value) and `tools` (tool -> name). These are read here; the
 * pipeline and the stages merge them into what cigen generated.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job } from "@cigen/protocol";
import { isObject, type JsonObject, readProviderConfig } from "@cigen/provider-kit";
import { INVALID_PROVIDER_CONFIG } from "./codes";
import { block, groovyString } from "./groovy-string";

/** Parses `json` (empty = no settings); `where` names the key for the message. */
export function parseConfig(
  json: string,
  where: string,
  job?: Job,
): { settings: JsonObject; diagnostics: Diagnostic[] } {
  const settings = readProviderConfig(json);
  if (settings) return { settings, diagnostics: [] };
  return { settings: {}, diagnostics: [invalidConfig(`${where} is not a JSON object`, job)] };
}

export function invalidConfig(what: string, job?: Job): Diagnostic {
  return diagnostic({
    code: INVALID_PROVIDER_CONFIG,
    message: `${job ? `job "${job.id}": ` : ""}${what} for the jenkins provider`,
    hint: "provider_config.jenkins takes agent, options, parameters, triggers, environment and tools (and per job: agent, options, environment, tools)",
    loc: job?.loc,
  });
}

/** Directive keys accepted at the pipeline level and per stage. */
export const PIPELINE_DIRECTIVES = ["agent", "options", "parameters", "triggers", "environment", "tools"];
export const STAGE_DIRECTIVES = ["agent", "options", "environment", "tools"];

/** Diagnostics for keys outside `allowed`. */
export function unknownDirectives(settings: JsonObject, allowed: string[], job?: Job): Diagnostic[] {
  return Object.keys(settings)
    .filter((k) => !allowed.includes(k))
    .map((k) => invalidConfig(`provider_config key "${k}" is not a directive cigen passes through`, job));
}

/** A list directive's Groovy lines (a string is one line). */
export function lines(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** `environment` entries as `NAME = 'value'`. */
export function environmentEntries(value: unknown): [string, string][] {
  if (!isObject(value)) return [];
  return Object.entries(value).map(([k, v]) => [k, groovyString(String(v))]);
}

/** `tools` entries as `tool 'name'`. */
export function toolLines(value: unknown): string[] {
  if (!isObject(value)) return lines(value);
  return Object.entries(value).map(([k, v]) => `${k} ${groovyString(String(v))}`);
}

/** An `agent` directive from provider_config: a string is written as is, an object as blocks. */
export function agentDirective(value: unknown): string[] | undefined {
  if (typeof value === "string") return [`agent ${value}`];
  if (!isObject(value)) return undefined;
  return block("agent", objectLines(value));
}

function objectLines(obj: JsonObject): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    isObject(v) ? block(k, objectLines(v)) : [`${k} ${typeof v === "string" ? groovyString(v) : String(v)}`],
  );
}
