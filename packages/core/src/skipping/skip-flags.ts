import { cigenInCi } from "./cigen-in-ci";

/**
 * `setup`: a normal `cigen generate`, where providers emit the planning wiring (signatures,
 * lookups, conditions, record steps). `continuation`: `cigen continuation`, where the model is
 * already pruned to the jobs that must run and each carries its `signature`.
 */
export type SkipMode = "setup" | "continuation";

/**
 * The generate flags of the job-skipping contract: the mode, and how generated CI gets cigen
 * (`skip.install`, possibly empty) and calls it (`skip.command`), decided from the repository at
 * `repoRoot` and where its `modules` were found (see cigen-in-ci.ts). Providers take both from the request and never hard-code them.
 */
export function skipFlags(
  mode: SkipMode,
  repoRoot: string,
  modules: readonly { source: string }[] = [],
): Record<string, string> {
  const { install, command } = cigenInCi(repoRoot, modules);
  return { "skip.mode": mode, "skip.install": install, "skip.command": command };
}
