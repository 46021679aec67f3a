/**
 * Job skipping on Jenkins: a first stage `cigen-plan` asks `cigen preflight --job J` for every
 * skippable job (exit 78 = its signature passed before) and keeps the answers in env variables.
 * Each such stage's `when` then reads its variable, so with `beforeAgent true` a skipped stage
 * takes no agent; a `when { expression { sh ... } }` per stage could not, as `sh` needs an agent
 * and a checkout. The plan also keeps every signature, so a stage records the signature computed
 * before its steps ran (they may change the work tree) in `post { success }`.
 */
import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Model } from "@cigen/protocol";
import {
  installUnlessRunnable,
  recordOrNotice,
  type SkipSettings,
  singleQuote,
  usesNativeStore,
} from "@cigen/provider-kit";
import { SKIP_NEEDS_STORE } from "./codes";
import { block, groovyString } from "./groovy-string";
import { SIGNATURES_VAR, skipVar } from "./skipped-jobs";
import { cond, not, type When } from "./when";

/** The plan stage's name. */
export const PLAN_STAGE = "cigen-plan";

/** The exit code of `cigen preflight` that means "may be skipped". */
const SKIP_STATUS = 78;

/**
 * The plan stage, or nothing when no job can be skipped. A failing plan marks the stage unstable
 * and leaves the variables unset, so every stage runs: never skip on doubt.
 */
export function planStage(jobIds: string[], settings: SkipSettings): string[] {
  if (jobIds.length === 0) return [];
  const decisions = jobIds.map((id) => {
    const preflight = `${settings.command} preflight --job ${singleQuote(id)}`;
    const label = groovyString(`cigen preflight ${id}`);
    return `env.${skipVar(id)} = sh(label: ${label}, script: ${groovyString(preflight)}, returnStatus: true) == ${SKIP_STATUS} ? 'true' : 'false'`;
  });
  const signatures = groovyString(`${settings.command} signatures --format lines`);
  const work = [
    "checkout scmGit(branches: scm.branches, userRemoteConfigs: scm.userRemoteConfigs, extensions: [cloneOption(shallow: true, depth: 1, noTags: false, reference: '', timeout: 10)])",
    ...(settings.install
      ? [`sh label: 'Install cigen', script: ${groovyString(installUnlessRunnable(settings))}`]
      : []),
    ...block("script", [
      `env.${SIGNATURES_VAR} = sh(label: 'cigen signatures', script: ${signatures}, returnStdout: true)`,
      ...decisions,
    ]),
  ];
  return block(`stage(${groovyString(PLAN_STAGE)})`, [
    "agent any",
    ...block("options", ["skipDefaultCheckout()"]),
    ...block("steps", block("catchError(buildResult: 'SUCCESS', stageResult: 'UNSTABLE')", work)),
  ]);
}

/** The `when` condition that runs a planned stage unless the plan said it may be skipped. */
export function notSkipped(jobId: string): When {
  return not(skippedByPlan(jobId));
}

/** The condition that the plan skipped the job. */
export function skippedByPlan(jobId: string): When {
  return cond(`environment name: '${skipVar(jobId)}', value: 'true'`);
}

/**
 * The `post { success }` step that records the job's planned signature. A job without one
 * (an upstream job has no signature) records nothing.
 */
export function recordStep(jobId: string, settings: SkipSettings): string {
  const script = [
    `sig="$(printf '%s\\n' "$${SIGNATURES_VAR}" | awk -F '\\t' -v job=${singleQuote(jobId)} '$1 == job { print $2 }')"`,
    `if printf '%s' "$sig" | grep -Eq '^[0-9a-f]{64}$'; then`,
    `  ${recordOrNotice(settings, jobId, `${settings.command} record --job ${singleQuote(jobId)} --signature "$sig"`)}`,
    "else",
    `  echo "cigen: no signature was planned for ${jobId.replace(/["$`\\]/g, "")}; nothing recorded"`,
    "fi",
  ].join("\n");
  return `sh label: 'cigen record', script: ${groovyString(script)}`;
}

/** The warning for skippable jobs left on the default store, which Jenkins does not have. */
export function nativeStoreDiagnostics(model: Model): Diagnostic[] {
  const native = model.jobs.filter(usesNativeStore);
  if (native.length === 0) return [];
  return [
    diagnostic({
      severity: "warning",
      code: SKIP_NEEDS_STORE,
      message: `jobs ${native.map((j) => `"${j.id}"`).join(", ")} have source_files or skip_if but no skip_store; jenkins has no cache of its own, so they always run`,
      hint: "set skip_store to a store cigen can read, e.g. skip_store: { type: dir, path: /var/cache/cigen } on persistent agents, or { type: s3, bucket: ci-signatures } / { type: redis, url_env: CIGEN_REDIS_URL }",
      loc: native[0].loc,
    }),
  ];
}
