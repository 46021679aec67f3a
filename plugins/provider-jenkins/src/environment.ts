/**
 * Env as `environment { }` directives. A value that is one secret is `credentials('<id>')`, Jenkins'
 * own binding (masked in logs); other values are Groovy strings reading `env`. Values Jenkins
 * cannot compute in `environment` (a checksum, a secret inside other text, or a variable the job's
 * services set, which exist only once the steps started them) are exported at the start of each
 * `sh` step instead.
 */
import type { EnvVar, Job, Model, Text } from "@cigen/protocol";
import { literalText, renderText, secretNames } from "@cigen/provider-kit";
import { groovyString } from "./groovy-string";
import { serviceVariableNames } from "./services";
import { checksumPaths, doubleQuotedSyntax, gstringSyntax } from "./text-syntax";

/** Last value per name, in first-seen order (later entries win, as in the model). */
export function lastByName(env: EnvVar[]): EnvVar[] {
  const byName = new Map<string, EnvVar>();
  for (const e of env) {
    byName.delete(e.name);
    byName.set(e.name, e);
  }
  return [...byName.values()];
}

/**
 * True when `environment` cannot hold the value and the shell must compute it; `runtime` names
 * variables set only while the steps run (the services').
 */
export function isComputed(text: Text | undefined, runtime: Set<string> = new Set()): boolean {
  const parts = text?.parts ?? [];
  const onlySecret = parts.length === 1 && parts[0].kind.case === "secret";
  const readsRuntime = parts.some((p) => p.kind.case === "env" && runtime.has(p.kind.value));
  return readsRuntime || checksumPaths(text).length > 0 || (!onlySecret && secretNames(text).length > 0);
}

/** The Groovy expression for an `environment` value. */
export function environmentValue(job: Job, text: Text | undefined): string {
  const parts = text?.parts ?? [];
  if (parts.length === 1 && parts[0].kind.case === "secret") return `credentials(${groovyString(parts[0].kind.value)})`;
  const literal = literalText(text);
  if (literal !== undefined) return groovyString(literal);
  return `"${renderText(text, gstringSyntax(job))}"`;
}

/** Pipeline-level entries from the model's global env. */
export function globalEnvironment(model: Model, job: Job): [string, string][] {
  return lastByName(model.env)
    .filter((e) => !isComputed(e.value))
    .map((e) => [e.name, environmentValue(job, e.value)]);
}

/** The stage's entries: what the job adds to or changes in the global env. */
export function stageEnvironment(job: Job, globals: [string, string][]): [string, string][] {
  const global = new Map(globals);
  const runtime = serviceVariableNames(job);
  return lastByName(job.env)
    .filter((e) => !isComputed(e.value, runtime))
    .map((e): [string, string] => [e.name, environmentValue(job, e.value)])
    .filter(([name, value]) => global.get(name) !== value);
}

/** Env entries the shell computes, exported at the start of each step. */
export function computedEnv(job: Job): EnvVar[] {
  const runtime = serviceVariableNames(job);
  return lastByName(job.env).filter((e) => isComputed(e.value, runtime));
}

/** `export NAME="..."` lines for computed env (checksum variables must already be set). */
export function exportLines(job: Job, env: EnvVar[], sums: string[]): string[] {
  return env.map((e) => `export ${e.name}="${renderText(e.value, doubleQuotedSyntax(job, sums))}"`);
}
