/**
 * How generated CI calls cigen: `npx --no-install cigen <command>` (cigen is a devDependency of
 * the user's repository). Providers take it from `GenerateRequest.flags["skip.command"]` and never
 * hard-code it, so it can change in one place.
 */
export const SKIP_COMMAND = "npx --no-install cigen";

/**
 * `setup`: a normal `cigen generate`, where providers emit the planning wiring (signatures,
 * lookups, conditions, record steps). `continuation`: `cigen continuation`, where the model is
 * already pruned to the jobs that must run and each carries its `signature`.
 */
export type SkipMode = "setup" | "continuation";

/** The generate flags of the job-skipping contract. */
export function skipFlags(mode: SkipMode): Record<string, string> {
  return { "skip.mode": mode, "skip.command": SKIP_COMMAND };
}
