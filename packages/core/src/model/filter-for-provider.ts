import { ConfigCodes } from "../config/codes";
import { asList } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { JobVariant } from "./expand-jobs";

/**
 * Leaves out jobs whose `providers:` does not include the target. A kept job that needs a
 * left-out one is an error naming both (its dependency would silently vanish otherwise); the
 * dangling ids are removed so the model stays consistent.
 */
export function filterForProvider(config: LoadedConfig, variants: readonly JobVariant[], target: string) {
  const leftOut = new Set(
    Object.entries(config.raw.jobs)
      .filter(([, job]) => job.providers !== undefined && !job.providers.includes(target))
      .map(([id]) => id),
  );
  const diagnostics: Diagnostic[] = [];
  const droppedVariants = new Set(variants.filter((v) => leftOut.has(v.baseId)).map((v) => v.id));
  const jobs = variants
    .filter((v) => !leftOut.has(v.baseId))
    .map((variant) => {
      for (const key of ["needs", "needs_any"] as const) {
        const list = variant.job[key];
        asList(list).forEach((need, i) => {
          if (!leftOut.has(need)) return;
          const path = typeof list === "string" ? ["jobs", variant.baseId, key] : ["jobs", variant.baseId, key, i];
          const { line, column } = config.locateValue(path);
          const limited = config.raw.jobs[need].providers ?? [];
          diagnostics.push({
            severity: "error",
            code: ConfigCodes.NEEDS_EXCLUDED_JOB,
            message: `job "${variant.baseId}" needs job "${need}", which is limited to ${limited.join(", ") || "no providers"} and is left out for ${target}`,
            hint: `add ${target} to the providers of "${need}", or limit "${variant.baseId}" the same way`,
            file: config.source.displayPath,
            line,
            column,
          });
        });
      }
      return {
        ...variant,
        needs: variant.needs.filter((id) => !droppedVariants.has(id)),
        needsAny: variant.needsAny.filter((id) => !droppedVariants.has(id)),
      };
    });
  return { jobs, diagnostics };
}
