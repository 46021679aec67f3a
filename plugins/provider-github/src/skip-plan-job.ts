// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
import type { Job } from "@cigen/protocol";
import { isNativeStore, type JsonObject } from "@cigen/provider-kit";
import { runnerKeys } from "./runners";
import type { SkipContext } from "./skip-context";
import {
  DECIDE_STEP,
  lookupStep,
  MARKER_PATH,
  markerKey,
  planOutput,
  preflightOutput,
  SIGNATURES_STEP,
  signatureOutput,
} from "./skip-names";
import { storesEnv } from "./skip-store-env";

/** The Node.js the planning job installs to run cigen (cigen needs 20 or later). */
export const PLAN_NODE_VERSION = "22";

/**
 * The planning job: checks out, gets cigen as the core said (the repository's locked install, or
 * nothing when the command fetches the published cigen), computes every signature, looks each skippable job up in its store, and exposes per job variant
 * `plan-<id>` (run or skip) and `sig-<id>` (its signature, empty when it has none).
 */
export function planJob(jobs: Job[], ctx: SkipContext): JsonObject {
  const skippable = jobs.filter((j) => ctx.skippable.has(j.id));
  const outputs: JsonObject = {};
  for (const job of skippable) {
    outputs[planOutput(job.id)] = `\${{ steps.${DECIDE_STEP}.outputs.${planOutput(job.id)} }}`;
    outputs[signatureOutput(job.id)] = `\${{ steps.${SIGNATURES_STEP}.outputs.${signatureOutput(job.id)} }}`;
  }
  return {
    name: "cigen plan",
    ...planRunner(skippable),
    outputs,
    steps: [
      { uses: "actions/checkout@v4" },
      { uses: "actions/setup-node@v4", with: { "node-version": PLAN_NODE_VERSION } },
      ...(ctx.install ? [{ name: "Install cigen", run: ctx.install }] : []),
      signaturesStep(skippable, ctx),
      ...skippable.filter(isNativeStore).map(lookupStepFor),
      decideStep(skippable, jobs),
    ],
  };
}

/**
 * Where planning runs: a dir store lives on a machine, so planning runs on the runner of the
 * first job that uses one; otherwise on GitHub's standard hosted runner.
 */
function planRunner(skippable: Job[]): JsonObject {
  const dirJob = skippable.find((j) => j.skip?.store?.type === "dir");
  const keys = dirJob ? runnerKeys(dirJob).keys : {};
  return { "runs-on": keys["runs-on"] ?? "ubuntu-latest" };
}

/**
 * Runs `cigen signatures` (only native stores: the cache lookups decide) or `cigen preflight
 * --all` (which also asks dir/redis/s3 stores), and turns its tab-separated lines into step
 * outputs. A failure fails the planning job, whose empty outputs then make every job run.
 */
export function signaturesStep(skippable: Job[], ctx: SkipContext): JsonObject {
  const asksStore = skippable.some((j) => !isNativeStore(j));
  const file = '"$RUNNER_TEMP/cigen-plan.tsv"';
  const lines = asksStore
    ? [
        `${ctx.command} preflight --all --format lines > ${file}`,
        "while IFS=$'\\t' read -r job decision signature; do",
        '  if [ "$signature" = - ]; then signature=; fi',
        `  echo "${preflightOutput("$job")}=$decision" >> "$GITHUB_OUTPUT"`,
      ]
    : [
        `${ctx.command} signatures --format lines > ${file}`,
        "while IFS=$'\\t' read -r job signature; do",
        '  if [ "$signature" = - ]; then signature=; fi',
      ];
  lines.push(`  echo "${signatureOutput("$job")}=$signature" >> "$GITHUB_OUTPUT"`, `done < ${file}`);
  const step: JsonObject = { name: "Compute signatures", id: SIGNATURES_STEP };
  const env = storesEnv(skippable.filter((j) => !isNativeStore(j)));
  if (env.length > 0) step.env = Object.fromEntries(env);
  step.run = lines.join("\n");
  return step;
}

/** A native-store job's lookup: does a marker saved under this signature's key exist? */
function lookupStepFor(job: Job): JsonObject {
  const signature = `steps.${SIGNATURES_STEP}.outputs.${signatureOutput(job.id)}`;
  return {
    name: `Look up ${job.id}`,
    id: lookupStep(job.id),
    if: `${signature} != ''`,
    uses: "actions/cache/restore@v4",
    with: { path: MARKER_PATH, key: markerKey(job.id, signature), "lookup-only": true },
  };
}

/**
 * The final decision per job variant. Anything but an explicit "skip" runs. Then a job that runs
 * puts back every skippable job whose artifacts it downloads (they would be missing otherwise);
 * visiting consumers before producers makes one pass enough.
 */
export function decideStep(skippable: Job[], all: Job[]): JsonObject {
  const index = new Map(skippable.map((j, i) => [j.id, i + 1]));
  const env: JsonObject = {};
  const lines: string[] = [];
  for (const job of skippable) {
    const n = index.get(job.id)!;
    env[`CIGEN_PLAN_${n}`] = isNativeStore(job)
      ? `\${{ steps.${lookupStep(job.id)}.outputs.cache-hit == 'true' && 'skip' || 'run' }}`
      : `\${{ steps.${SIGNATURES_STEP}.outputs.${preflightOutput(job.id)} }}`;
    lines.push(`plan_${n}=run # ${job.id}`, `if [ "$CIGEN_PLAN_${n}" = skip ]; then plan_${n}=skip; fi`);
  }
  for (const consumer of consumersFirst(all)) {
    const producers = [...new Set(consumer.artifactInputs.map((a) => a.fromJob))].filter((id) => index.has(id));
    for (const producer of producers) {
      const p = index.get(producer)!;
      const c = index.get(consumer.id);
      // A consumer that is never skipped always needs its producers.
      if (c === undefined) lines.push(`plan_${p}=run # ${consumer.id} downloads its artifacts`);
      else lines.push(`if [ "$plan_${c}" = run ]; then plan_${p}=run; fi # ${consumer.id} downloads its artifacts`);
    }
  }
  lines.push(...skippable.map((j) => `echo "${planOutput(j.id)}=$plan_${index.get(j.id)}" >> "$GITHUB_OUTPUT"`));
  return { name: "Decide which jobs run", id: DECIDE_STEP, env, run: lines.join("\n") };
}

/** The jobs ordered so that every job comes before the jobs it needs. */
function consumersFirst(jobs: Job[]): Job[] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const order: Job[] = [];
  const seen = new Set<string>();
  const visit = (job: Job) => {
    if (seen.has(job.id)) return;
    seen.add(job.id);
    for (const id of [...job.needs, ...job.needsAny, ...job.artifactInputs.map((a) => a.fromJob)]) {
      const up = byId.get(id);
      if (up) visit(up);
    }
    order.push(job);
  };
  for (const job of jobs) visit(job);
  return order.reverse();
}
