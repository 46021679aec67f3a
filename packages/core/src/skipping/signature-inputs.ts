import { type JsonValue, toJson } from "@bufbuild/protobuf";
import { type Job, JobSchema } from "@cigen/protocol";
import type { SignatureJob } from "../signatures";

/**
 * The provider-neutral definition of a job, the part of the model that enters its signature: the
 * Job minus what differs per provider or says nothing about the work (`loc` positions move when
 * lines are added above; `provider_config_json` and `runner.settings_json` are the provider's
 * translation; `signature` is the output; `skip.store` is where results are kept, not what is
 * done). So the same job has the same signature whichever provider runs it.
 */
export function jobDefinition(job: Job): JsonValue {
  const json = toJson(JobSchema, job) as Record<string, JsonValue>;
  delete json.providerConfigJson;
  delete json.signature;
  const runner = json.runner as Record<string, JsonValue> | undefined;
  if (runner) delete runner.settingsJson;
  const skip = json.skip as Record<string, JsonValue> | undefined;
  if (skip) delete skip.store;
  return withoutLoc(json);
}

/** Drops every `loc` field, at any depth (jobs and steps carry one). */
function withoutLoc(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutLoc);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "loc")
      .map(([key, inner]) => [key, withoutLoc(inner)]),
  );
}

/** A model job as the signature engine takes it. */
export function signatureJobOf(job: Job): SignatureJob {
  return {
    id: job.id,
    definition: jobDefinition(job),
    sourceFiles: job.skip?.sourceFiles ?? [],
    envNames: job.skip?.env ?? [],
    skippable: job.skip !== undefined,
    needs: job.needs,
    needsAny: job.needsAny,
    modules: moduleValues(job),
    moduleFiles: job.modules.flatMap((m) => m.files),
  };
}

/**
 * What each module detected, as one line per module for `cigen explain` ("lang/node" ->
 * "1.0.0 node=20.11.1 package_manager=pnpm@9.1.0"): the module's own version and the toolchain
 * versions it set up both change what the job runs.
 */
function moduleValues(job: Job): Record<string, string> {
  return Object.fromEntries(
    job.modules.map((m) => [
      m.name,
      [
        m.version,
        ...Object.entries(m.values)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => `${k}=${v}`),
      ].join(" "),
    ]),
  );
}
