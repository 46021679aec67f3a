/** Folds a matrix value into the characters a job id may hold (`3.2` -> `3_2`). */
export function foldValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** `<job>-<v1>-<v2>`: the job id, then the variant's values in dimension order, folded. */
export function variantId(jobId: string, values: readonly string[]): string {
  return [jobId, ...values.map(foldValue)].join("-");
}
