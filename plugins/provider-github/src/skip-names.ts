/**
 * The names the skipping wiring writes into a workflow: generated jobs, their outputs, and the
 * marker the native store caches. They are part of the generated file's contract with itself
 * (an `if:` reads what the planning job exposes), so they live in one place.
 */

/** The planning job: computes every signature and decides run or skip per job variant. */
export const PLAN_JOB = "cigen-plan";
/** The gate job: the single check a repository makes required. */
export const GATE_JOB = "cigen-gate";
/** The planning job's step that computes signatures (and asks the store for dir/redis/s3). */
export const SIGNATURES_STEP = "signatures";
/** The planning job's step that writes the final run/skip decisions. */
export const DECIDE_STEP = "decide";
/** The file the native store's marker cache holds (restore and save must name the same path). */
export const MARKER_PATH = ".cigen/skip-marker";

/** The planning job's output with "run" or "skip" for a job variant. */
export function planOutput(jobId: string): string {
  return `plan-${jobId}`;
}

/** The planning job's output with a job variant's signature (empty when it has none). */
export function signatureOutput(jobId: string): string {
  return `sig-${jobId}`;
}

/** The preflight answer of the store for a job variant (dir/redis/s3), a signatures-step output. */
export function preflightOutput(jobId: string): string {
  return `preflight-${jobId}`;
}

/** The id of the planning job's cache lookup step for a native-store job variant. */
export function lookupStep(jobId: string): string {
  return `lookup-${jobId}`;
}

/** The expression that reads a planning job output from a job that needs the planning job. */
export function planned(output: string): string {
  return `needs.${PLAN_JOB}.outputs.${output}`;
}

/**
 * The native store's cache key for a job variant, given the expression that yields its signature.
 * The job id keeps variants apart; the signature makes any input change a different key.
 */
export function markerKey(jobId: string, signatureExpression: string): string {
  return `cigen-skip-${jobId}-\${{ ${signatureExpression} }}`;
}
