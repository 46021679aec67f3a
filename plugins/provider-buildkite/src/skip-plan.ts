import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Model } from "@cigen/protocol";
import {
  cigenScript,
  type JsonObject,
  parseProviderConfig,
  recordFailedNotice,
  type SkipSettings,
  shellQuote,
  usesNativeStore,
} from "@cigen/provider-kit";
import { KEY_COLLISION, SKIP_NEEDS_STORE } from "./codes";
import { inHereDoc } from "./here-doc";
import { stepKey } from "./keys";
import { skipsOnBuildkite } from "./skips-on-buildkite";
import { escapeForUpload } from "./upload-escape";

/** The planning step's key. */
export const PLAN_KEY = "cigen-plan";

/** Top-level pipeline keys the planning step needs too (where and with what it runs). */
const PLAN_SETTINGS = ["agents", "env"];

/**
 * The pipeline a normal generate writes when some job may be skipped (else undefined): one step that runs
 * `cigen continuation`, which computes every signature, leaves out the jobs recorded in their
 * store and prints the pipeline of the rest, and uploads that into the running build. `pipefail`:
 * a failed plan must fail the build, not upload nothing and pass. A child shell runs the plan from
 * a quoted here-document (here-doc.ts, as the records do): Node.js fetched first on an agent
 * without it, then cigen installed when needed (its output sent to stderr, away from the upload),
 * then the continuation, whose output alone is the uploaded pipeline.
 */
export function planPipeline(model: Model, settings: SkipSettings | undefined): JsonObject | undefined {
  if (!settings || !plansSkipping(model, settings)) return undefined;
  const config = parseProviderConfig(model.providerConfigJson);
  const inherited = Object.fromEntries(Object.entries(config).filter(([k]) => PLAN_SETTINGS.includes(k)));
  const plan = cigenScript(settings, `${settings.command} continuation --provider buildkite`, {
    installToStderr: true,
  });
  const command = ["set -o pipefail", ...inHereDoc(plan, "CIGEN_PLAN", "| buildkite-agent pipeline upload")].join("\n");
  return { ...inherited, steps: [{ label: "cigen plan", key: PLAN_KEY, command: escapeForUpload(command) }] };
}

/** True when a normal generate writes the planning step instead of the jobs. */
export function plansSkipping(model: Model, settings: SkipSettings | undefined): boolean {
  return settings?.mode === "setup" && model.jobs.some(skipsOnBuildkite);
}

/**
 * The lines a job's command ends with in a continuation: record its signature (the one computed
 * when the build was planned, before any step could change the work tree). They run only when
 * every step succeeded, as the command stops at the first failure.
 */
export function recordLines(job: Job, settings: SkipSettings | undefined): string[] {
  if (settings?.mode !== "continuation" || !skipsOnBuildkite(job)) return [];
  if (!/^[0-9a-f]{64}$/.test(job.signature)) return [];
  const record = `${settings.command} record --job ${shellQuote(job.id)} --signature ${job.signature}`;
  // In a child shell from a quoted here-document, as here-doc.ts says why; a failed record only notices.
  return inHereDoc(cigenScript(settings, record), "CIGEN_RECORD", `|| ${recordFailedNotice(job.id)}`);
}

/** Skipping diagnostics: jobs that stay on the missing native store, a job named like the plan. */
export function skipDiagnostics(model: Model, settings: SkipSettings | undefined): Diagnostic[] {
  if (settings?.mode !== "setup") return [];
  const out: Diagnostic[] = [];
  const native = model.jobs.filter(usesNativeStore);
  if (native.length) {
    out.push(
      diagnostic({
        severity: "warning",
        code: SKIP_NEEDS_STORE,
        message: `jobs ${native.map((j) => `"${j.id}"`).join(", ")} have source_files or skip_if but no skip_store; buildkite has no cache of its own, so they always run`,
        hint: "set skip_store to a store cigen can read, e.g. skip_store: { type: s3, bucket: ci-signatures } or { type: redis, url_env: CIGEN_REDIS_URL } (or { type: dir, path: ... } on persistent agents)",
        loc: native[0].loc,
      }),
    );
  }
  const clash = model.jobs.find((j) => stepKey(j.id) === PLAN_KEY);
  if (clash && plansSkipping(model, settings)) {
    out.push(
      diagnostic({
        code: KEY_COLLISION,
        message: `job "${clash.id}" has step key "${PLAN_KEY}", which the planning step of job skipping uses`,
        hint: "rename the job",
        loc: clash.loc,
      }),
    );
  }
  return out;
}
