import { createHash } from "node:crypto";
import type { Job } from "@cigen/protocol";
import { canonicalJson, type FileInput, type SignatureResult } from "../signatures";
import { jobDefinition } from "./signature-inputs";

/**
 * What a recorded run keeps about the inputs of its signature (`SignatureRecord.inputs_json`), so
 * `cigen explain` can say which of them changed since. Env values are kept as hashes only: they
 * may be secrets, and a store is readable by more people than the CI's secret settings.
 */
export interface RecordedInputs {
  format: 1;
  /** `[path, mode, blob id]` in path order. */
  files: FileInput[];
  /** Variable name -> hash of its value; null when it was unset. */
  env: Record<string, string | null>;
  modules: Record<string, string>;
  /** Needed job id -> its signature. */
  needs: Record<string, string>;
  /** Hash of the job's provider-neutral definition. */
  definition: string;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A hash of one variable's value, bound to its name so equal values of two variables differ. */
export function envValueHash(name: string, value: string | undefined): string | null {
  return value === undefined ? null : sha256(`cigen-env\0${name}\0${value}`);
}

/** The inputs of `job`'s signature now (the result must have been computed with its file list). */
export function recordedInputsOf(
  job: Job,
  result: SignatureResult,
  all: ReadonlyMap<string, SignatureResult>,
  env: NodeJS.ProcessEnv,
): RecordedInputs {
  const upstream = [...job.needs, ...job.needsAny].sort();
  return {
    format: 1,
    files: result.inputs.fileList ?? [],
    env: Object.fromEntries(result.inputs.env.map((name) => [name, envValueHash(name, env[name])])),
    modules: { ...result.inputs.modules },
    needs: Object.fromEntries(upstream.map((id) => [id, all.get(id)?.signature ?? ""])),
    definition: sha256(canonicalJson(jobDefinition(job))),
  };
}

/** Parses a record's inputs_json; undefined when it is not one cigen wrote. */
export function parseRecordedInputs(json: string): RecordedInputs | undefined {
  try {
    const value = JSON.parse(json) as Partial<RecordedInputs>;
    if (value?.format !== 1 || !Array.isArray(value.files)) return undefined;
    return {
      format: 1,
      files: value.files,
      env: value.env ?? {},
      modules: value.modules ?? {},
      needs: value.needs ?? {},
      definition: value.definition ?? "",
    };
  } catch {
    return undefined;
  }
}
