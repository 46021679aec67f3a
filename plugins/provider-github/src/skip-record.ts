// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
import type { Job } from "@cigen/protocol";
import { cigenScript, isNativeStore, type JsonObject } from "@cigen/provider-kit";
import type { SkipContext } from "./skip-context";
import { MARKER_PATH, markerKey, planned, signatureOutput } from "./skip-names";
import { storeEnv } from "./skip-store-env";

/**
 * The steps that record a job's success, placed after every other step. They carry no status
 * function, so GitHub runs them only while every earlier step succeeded: a failed or cancelled
 * job never records. They record the signature the planning job computed *before* the job ran,
 * since the job's own steps may change files in the work tree. A job without a signature (an
 * input that cannot be known) records nothing and always runs.
 */
export function recordSteps(job: Job, ctx: SkipContext): JsonObject[] {
  const signature = planned(signatureOutput(job.id));
  const known = `${signature} != ''`;
  if (isNativeStore(job)) {
    // actions/cache only saves files that exist, so the marker is written first. The planning
    // job's lookup names the same path: actions/cache versions an entry by its paths.
    return [
      {
        name: "Write the cigen skip marker",
        if: known,
        env: { CIGEN_SIGNATURE: `\${{ ${signature} }}` },
        run: `mkdir -p .cigen && printf '%s\\n' "$CIGEN_SIGNATURE" > ${MARKER_PATH}`,
      },
      {
        name: "Record success for cigen",
        if: known,
        uses: "actions/cache/save@v4",
        with: { path: MARKER_PATH, key: markerKey(job.id, signature) },
      },
    ];
  }
  return [
    {
      name: "Record success for cigen",
      // Pull requests never write to a shared store (cigen record refuses too); skipping the step
      // there also saves installing cigen for nothing.
      if: `${known} && !startsWith(github.event_name, 'pull_request')`,
      // Recording is an optimisation: failing to record costs a later run, never this job's result.
      "continue-on-error": true,
      env: { ...Object.fromEntries(storeEnv(job)), CIGEN_SIGNATURE: `\${{ ${signature} }}` },
      run: cigenScript(ctx, `${ctx.command} record --job '${job.id}' --signature "$CIGEN_SIGNATURE"`),
    },
  ];
}
