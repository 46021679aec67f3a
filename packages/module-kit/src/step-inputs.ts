import type { Diagnostic, ModuleStepUse, PlanJob } from "@cigen/protocol";
import { warning } from "./warning";

/**
 * The `with:` inputs of a `uses: <module>` step that the module knows, with a warning for each
 * input it does not (a typo such as `verison` would otherwise be silently ignored).
 */
export function stepInputs(
  module: string,
  job: PlanJob,
  use: ModuleStepUse,
  known: readonly string[],
  unknownCode: string,
): { inputs: Record<string, string>; diagnostics: Diagnostic[] } {
  const inputs: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [name, value] of Object.entries(use.with).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (known.includes(name)) inputs[name] = value;
    else
      diagnostics.push(
        warning(
          unknownCode,
          `job "${job.jobId}", step ${use.stepIndex + 1}: uses ${module} has no input "${name}"; it is ignored`,
          `the inputs of ${module} are: ${known.join(", ")}`,
        ),
      );
  }
  return { inputs, diagnostics };
}
