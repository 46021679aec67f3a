import type { JsonObject } from "@cigen/provider-kit";
import { PLAN_JOB } from "./skip-names";

/** The gate step's condition: some job this gate needs failed or was cancelled. */
export const GATE_FAILS_WHEN = "contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled')";

/**
 * The gate job. A skipped job shows as "skipped", which required checks accept, so a dependant
 * skipped because its upstream failed would look green; this job needs every job, runs whatever
 * happened (`always()`), and fails when any of them failed or was cancelled. It is the one check
 * to make required. It needs no checkout.
 */
export function gateJob(jobIds: string[]): JsonObject {
  return {
    name: "cigen gate",
    needs: [PLAN_JOB, ...jobIds],
    if: "always()",
    "runs-on": "ubuntu-latest",
    steps: [
      {
        name: "Fail when a job failed or was cancelled",
        if: GATE_FAILS_WHEN,
        run: 'echo "::error::a job of this workflow failed or was cancelled"\nexit 1',
      },
    ],
  };
}
