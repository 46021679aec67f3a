/**
 * The gate job that emulates `needs_any` (see dependencies.ts for why). It runs `when: always`
 * once every OR job has finished, whatever their result, and succeeds only when one of them wrote
 * this pipeline's id into its success marker; its consumer needs it like any other job.
 */
import { type JsonObject, singleQuote } from "@cigen/provider-kit";
import { artifactsBlock, markerPath } from "./artifacts";
import type { GatePlan, NeedEntry } from "./dependencies";

/** The gate's check: fail unless some OR job's marker holds this pipeline's id. */
export function gateScript(anyOf: string[]): string {
  return [
    "cigen_ok=0",
    `for cigen_marker in ${anyOf.map((id) => singleQuote(markerPath(id))).join(" ")}; do`,
    '  if [ "$(cat "$cigen_marker" 2>/dev/null)" = "$CI_PIPELINE_ID" ]; then cigen_ok=1; fi',
    "done",
    `if [ "$cigen_ok" = 0 ]; then echo ${singleQuote(`none of ${anyOf.join(", ")} succeeded`)} >&2; exit 1; fi`,
  ].join("\n");
}

/** The gate job's definition. */
export function gateJob(gate: GatePlan, stage: string, needs: NeedEntry[], rules: JsonObject[]): JsonObject {
  const job: JsonObject = {
    stage,
    needs,
    rules,
    // The gate reads artifacts only; it needs no checkout.
    variables: { GIT_STRATEGY: "none" },
    script: [gateScript(gate.anyOf)],
  };
  const artifacts = artifactsBlock(gate.reexports.flatMap((r) => (r.artifact ? [r.artifact] : [])));
  if (gate.reexports.length && artifacts) job.artifacts = artifacts;
  return job;
}
