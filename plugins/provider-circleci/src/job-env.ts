import type { EnvVar, Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";
import { literalEnvValue, quotedText } from "./text-syntax";

/** A job's environment: literal values for `environment:`, and a step for the rest. */
export interface JobEnv {
  environment: JsonObject;
  /** Appends runtime-valued variables to $BASH_ENV, which CircleCI sources before every later step. */
  step?: JsonObject;
}

/**
 * CircleCI keeps `environment:` values literal, so a variable whose value refers to another
 * variable, a secret or a git value is exported through $BASH_ENV (CircleCI's documented way to
 * share computed env between steps). Later entries win, as the model orders global then job env.
 */
export function translateJobEnv(job: Job, extra: [string, string][]): JobEnv {
  const final = new Map<string, EnvVar>();
  for (const env of job.env) final.set(env.name, env);
  const environment: JsonObject = {};
  for (const [name, value] of extra) environment[name] = value;
  const exports: string[] = [];
  for (const env of final.values()) {
    const value = literalEnvValue(env.value);
    if (value === undefined) exports.push(`export ${env.name}="${quotedText(env.value, job)}"`);
    else environment[env.name] = value;
  }
  if (exports.length === 0) return { environment };
  // A quoted here-document writes the lines verbatim; they are expanded when a step sources them.
  const command = [`cat >> "$BASH_ENV" <<'CIGEN_ENV'`, ...exports, "CIGEN_ENV"].join("\n");
  return { environment, step: { run: { name: "Set environment", command } } };
}
