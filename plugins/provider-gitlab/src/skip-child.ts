/**
 * What makes a generated file work as the child pipeline of `cigen continuation`: the parent's
 * workflow rules already decided that this pipeline runs; job rules read the parent's pipeline
 * source; and a pipeline whose jobs were all skipped still has one job, since GitLab refuses to
 * create an empty pipeline (and the trigger job would fail).
 */
import type { JsonObject } from "@cigen/provider-kit";
import { SOURCE_VARIABLE } from "./skip-names";

/** The child's `workflow: rules`: always (the parent's rules chose the run). */
export const CHILD_WORKFLOW_RULES = [{ when: "always" }];

/** Job rules with `$CI_PIPELINE_SOURCE` read from the parent. */
export function childRules(rules: JsonObject[]): JsonObject[] {
  return rules.map((rule) =>
    typeof rule.if === "string"
      ? { ...rule, if: rule.if.replace(/\$CI_PIPELINE_SOURCE\b/g, `$${SOURCE_VARIABLE}`) }
      : rule,
  );
}

/** The stand-in job of a child pipeline whose jobs were all skipped. */
export function nothingToRun(stage: string): JsonObject {
  return {
    stage,
    rules: [{ when: "always" }],
    variables: { GIT_STRATEGY: "none" },
    script: ['echo "cigen: every job succeeded before with the same inputs; nothing to run"'],
  };
}
