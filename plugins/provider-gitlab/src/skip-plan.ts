/**
 * The planning jobs. Both check out the repository, get cigen as the core said (the repository's
 * locked install, or nothing when the command fetches the published cigen) and run it. They run in
 * `node:22` (cigen needs Node.js 20 or later, and git); change that with
 * `provider_config.gitlab: { cigen-plan: { image: ... } }`.
 */
import { type JsonObject, type SkipSettings, singleQuote } from "@cigen/provider-kit";
import { CHILD_FILE, PLAN_IMAGE, PLAN_JOB, RUN_JOB, SIGNATURES_FILE, SOURCE_VARIABLE } from "./skip-names";

type Cigen = Pick<SkipSettings, "command" | "install">;

/** A fresh planning container has no cigen yet: the install, when there is one, comes first. */
function planScript(cigen: Cigen, ...items: string[]): string[] {
  return cigen.install ? [cigen.install, ...items] : items;
}

/**
 * Native wiring: `cigen signatures` into a dotenv report, one variable per skippable job variant
 * (`variables` maps job id to name). A job without a signature gets "-", which never matches a
 * marker, so it runs. If planning fails, the jobs that need it do not start and the pipeline fails.
 */
export function nativePlanJob(stage: string, cigen: Cigen, variables: Map<string, string>): JsonObject {
  const cases = [...variables].map(
    ([id, name]) => `    ${singleQuote(id)}) echo "${name}=$signature" >> ${SIGNATURES_FILE} ;;`,
  );
  const script = [
    `${cigen.command} signatures --format lines > cigen-signatures.tsv`,
    `: > ${SIGNATURES_FILE}`,
    `while IFS="$(printf '\\t')" read -r job signature; do`,
    '  case "$job" in',
    ...cases,
    "  esac",
    "done < cigen-signatures.tsv",
  ].join("\n");
  return {
    stage,
    rules: [{ when: "on_success" }],
    image: PLAN_IMAGE,
    variables: { GIT_DEPTH: "1" },
    script: planScript(cigen, script),
    artifacts: { reports: { dotenv: SIGNATURES_FILE } },
  };
}

/**
 * Child wiring: `cigen continuation` writes the child pipeline with only the jobs that must run;
 * the trigger job runs it and mirrors its result (`strategy: depend`). A child pipeline's
 * `CI_PIPELINE_SOURCE` is always "parent_pipeline", so the parent's source travels in
 * CIGEN_PIPELINE_SOURCE, and pipeline variables (a schedule's CIGEN_SCHEDULE) are forwarded.
 */
export function childPlanJobs(cigen: Cigen): JsonObject {
  return {
    [PLAN_JOB]: {
      stage: "stage-1",
      rules: [{ when: "on_success" }],
      image: PLAN_IMAGE,
      variables: { GIT_DEPTH: "1" },
      script: planScript(cigen, `${cigen.command} continuation --provider gitlab --output ${CHILD_FILE}`),
      artifacts: { paths: [CHILD_FILE], expire_in: "1 day" },
    },
    [RUN_JOB]: {
      stage: "stage-2",
      needs: [{ job: PLAN_JOB, artifacts: true }],
      rules: [{ when: "on_success" }],
      variables: { [SOURCE_VARIABLE]: "$CI_PIPELINE_SOURCE" },
      trigger: {
        include: [{ artifact: CHILD_FILE, job: PLAN_JOB }],
        strategy: "depend",
        forward: { pipeline_variables: true },
      },
    },
  };
}
