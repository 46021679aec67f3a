import type { Job } from "@cigen/protocol";
import {
  isSkippable,
  type JsonObject,
  recordOrNotice,
  type SkipSettings,
  shellQuote,
  storeType,
} from "@cigen/provider-kit";

/** Steps a job gets around its own for skipping: before everything, and after everything. */
export interface SkipSteps {
  before: JsonObject[];
  after: JsonObject[];
}

export const NO_SKIP_STEPS: SkipSteps = { before: [], after: [] };

/**
 * Where the native store keeps a marker per signature. The home directory exists on every
 * executor and is outside the checkout, so the marker never enters a signature.
 */
const MARKER_DIR = "~/.cigen-skip";

/** The CircleCI cache key that says "a run with this signature succeeded". */
export function nativeSkipKey(signature: string): string {
  return `cigen-skip-v1-${signature}`;
}

/**
 * A job's skipping steps in the continuation config. The setup workflow pruned the jobs recorded
 * in a dir/redis/s3 store already, so those only record their signature at the end, on success.
 * The native store is CircleCI's cache, which only a job can read: the job first restores a marker
 * keyed by its signature (before the checkout, so a hit costs seconds) and halts successfully when
 * it is there; on success it saves the marker. `sources` are jobs whose artifacts others take:
 * halting would leave no workspace layer behind, so they get no native lookup.
 */
export function skipSteps(job: Job, settings: SkipSettings, sources: Set<string>): SkipSteps {
  if (!isSkippable(job) || !/^[0-9a-f]{64}$/.test(job.signature)) return NO_SKIP_STEPS;
  const signature = job.signature;
  if (storeType(job) !== "native") {
    const record = recordOrNotice(
      settings,
      job.id,
      `${settings.command} record --job ${shellQuote(job.id)} --signature ${signature}`,
    );
    return {
      before: [],
      after: [{ run: { name: "cigen: record the signature", command: record, when: "on_success" } }],
    };
  }
  if (sources.has(job.id)) return NO_SKIP_STEPS;
  const marker = `${MARKER_DIR}/${signature}`;
  const key = nativeSkipKey(signature);
  const lookup = [
    `if [ -f ${marker} ]; then`,
    `  echo "cigen: ${job.id} already passed with signature ${signature.slice(0, 12)}; nothing to do"`,
    "  circleci-agent step halt",
    "fi",
  ].join("\n");
  return {
    before: [
      { restore_cache: { name: "cigen: look up the signature", keys: [key] } },
      { run: { name: "cigen: skip when this signature passed", command: lookup } },
    ],
    after: [
      {
        run: {
          name: "cigen: mark the signature",
          command: `mkdir -p ${MARKER_DIR}\necho ${signature} > ${marker}`,
          when: "on_success",
        },
      },
      { save_cache: { name: "cigen: record the signature", key, paths: [marker], when: "on_success" } },
    ],
  };
}
