import { ConfigCodes } from "../config/codes";
import { asList, type JobConfig, type Scalar } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { expandMatrix } from "./expand-matrix";
import { variantId } from "./variant-id";

/** One job variant: a job without matrix, or one combination of a matrix job. */
export interface JobVariant {
  /** The variant id (`test-3_2`), the job's id everywhere downstream. */
  id: string;
  /** The job id in cigen.yml. */
  baseId: string;
  /** This variant's matrix values in dimension order; empty without matrix. */
  matrix: [string, string][];
  /** Variant ids this variant waits for (a matrix job needed means all its variants). */
  needs: string[];
  /** Variant ids of which any one succeeding is enough. */
  needsAny: string[];
  /** The job's config (shared by all its variants). */
  job: JobConfig;
}

/**
 * Expands every job's matrix into variants, in cigen.yml order, and resolves `needs` to variant
 * ids. Reports variants whose ids collide and matrices that `exclude` empties. Unknown `needs`
 * are left out here (the needs check reports them).
 */
export function expandJobs(config: LoadedConfig): { jobs: JobVariant[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const variantsOf = new Map<string, { id: string; matrix: [string, string][] }[]>();
  const seen = new Map<string, string>();
  for (const [baseId, job] of Object.entries(config.raw.jobs)) {
    const list = variantsFor(config, baseId, job, diagnostics);
    const kept = list.filter((variant) => {
      const owner = seen.get(variant.id);
      if (owner !== undefined) {
        diagnostics.push(duplicateError(config, baseId, variant.id, owner));
        return false;
      }
      seen.set(variant.id, baseId);
      return true;
    });
    variantsOf.set(baseId, kept);
  }
  const resolve = (needs: string | string[] | undefined) =>
    asList(needs).flatMap((need) => (variantsOf.get(need) ?? []).map((v) => v.id));
  const jobs: JobVariant[] = [];
  for (const [baseId, job] of Object.entries(config.raw.jobs)) {
    const needs = [...new Set(resolve(job.needs))];
    const needsAny = [...new Set(resolve(job.needs_any))];
    for (const variant of variantsOf.get(baseId)!) jobs.push({ ...variant, baseId, needs, needsAny, job });
  }
  return { jobs, diagnostics };
}

function variantsFor(config: LoadedConfig, baseId: string, job: JobConfig, diagnostics: Diagnostic[]) {
  const matrix = job.matrix;
  const dimensions = Object.keys(matrix ?? {}).filter((k) => k !== "include" && k !== "exclude");
  if (!matrix || (dimensions.length === 0 && !matrix.include?.length))
    return [{ id: baseId, matrix: [] as [string, string][] }];
  const cellText = (value: Scalar, path: (string | number)[]) =>
    typeof value === "number" ? (config.scalarSource(["jobs", baseId, ...path]) ?? String(value)) : String(value);
  const combos = expandMatrix(matrix, cellText);
  if (combos.length === 0) {
    const { line, column } = config.locate(["jobs", baseId, "matrix"]);
    diagnostics.push({
      severity: "error",
      code: ConfigCodes.EMPTY_MATRIX,
      message: `the matrix of job "${baseId}" has no combination left after exclude`,
      hint: "remove an exclude entry, or add values",
      file: config.source.displayPath,
      line,
      column,
    });
  }
  return combos.map((combo) => ({ id: variantId(baseId, combo.idValues), matrix: combo.values }));
}

function duplicateError(config: LoadedConfig, baseId: string, id: string, owner: string): Diagnostic {
  const { line, column } = config.locate(
    ["jobs", baseId, config.raw.jobs[baseId].matrix ? "matrix" : ""].filter(Boolean),
  );
  const other = owner === baseId ? "another variant of the same job" : `job "${owner}"`;
  return {
    severity: "error",
    code: ConfigCodes.DUPLICATE_VARIANT,
    message: `job "${baseId}" expands to variant id "${id}", which ${other} already uses`,
    hint: "variant ids fold characters outside [A-Za-z0-9_-] to _; make the values or job ids differ",
    file: config.source.displayPath,
    line,
    column,
  };
}
