/**
 * Env as GitLab `variables`. Global env goes to the top-level `variables:`; a job lists only what
 * it adds or changes. GitLab expands `$VAR` in variable values but cannot compute a checksum, so a
 * value with `{{ checksum }}` is exported at the start of the script instead.
 */
import { create } from "@bufbuild/protobuf";
import { type EnvVar, type Job, JobSchema, type Model, type Text } from "@cigen/protocol";
import { checksumPrelude, renderText } from "@cigen/provider-kit";
import { checksumPaths, doubleQuotedSyntax, variablesSyntax } from "./text-syntax";

/** A value GitLab expands itself (checksums render empty: callers route those to the script). */
export function variableValue(job: Job, text: Text | undefined): string {
  return renderText(text, { ...variablesSyntax(job), checksum: () => "" });
}

/** Last value per name, in first-seen order (later entries win, as in the model). */
function lastByName(env: EnvVar[]): EnvVar[] {
  const byName = new Map<string, EnvVar>();
  for (const e of env) {
    byName.delete(e.name);
    byName.set(e.name, e);
  }
  return [...byName.values()];
}

/**
 * `NAME: {{ secrets.NAME }}`: a CI/CD variable of that name already reaches the job, and writing
 * `NAME: $NAME` would only make GitLab expand a variable into itself.
 */
function isOwnSecret(e: EnvVar): boolean {
  const parts = e.value?.parts ?? [];
  return parts.length === 1 && parts[0].kind.case === "secret" && parts[0].kind.value === e.name;
}

/** Top-level `variables:` from the model's global env (those GitLab can expand). */
export function globalVariables(model: Model): Record<string, string> {
  // The platform is per job, so global values are rendered for a job without an arch.
  const probe = create(JobSchema);
  const out: Record<string, string> = {};
  for (const e of lastByName(model.env)) {
    if (!isOwnSecret(e) && !checksumPaths(e.value).length) out[e.name] = variableValue(probe, e.value);
  }
  return out;
}

export interface JobEnv {
  /** Job-level `variables:` entries that differ from the global ones. */
  variables: [string, string][];
  /** Script lines exporting values GitLab cannot expand. */
  exports: string[];
}

/** The job's env split into `variables` and script exports. */
export function jobEnv(job: Job, globals: Record<string, string>): JobEnv {
  const variables: [string, string][] = [];
  const computed: EnvVar[] = [];
  for (const e of lastByName(job.env)) {
    if (isOwnSecret(e)) continue;
    if (checksumPaths(e.value).length) computed.push(e);
    else {
      const value = variableValue(job, e.value);
      if (globals[e.name] !== value) variables.push([e.name, value]);
    }
  }
  if (!computed.length) return { variables, exports: [] };
  const sums = [...new Set(computed.flatMap((e) => checksumPaths(e.value)))];
  const exports = [
    ...checksumPrelude(sums),
    ...computed.map((e) => `export ${e.name}="${renderText(e.value, doubleQuotedSyntax(job, sums))}"`),
  ];
  return { variables, exports: [exports.join("\n")] };
}
