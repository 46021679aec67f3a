/**
 * Job `rules:`. Every job gets rules, even an unconditional one: a GitLab job without rules is left
 * out of merge request pipelines. Manual approval is `when: manual` with `allow_failure: false`, so
 * the pipeline waits for the person and the jobs that need it stay blocked until then.
 */
import type { JsonObject } from "@cigen/provider-kit";
import { type Cond, renderCond } from "./condition";

/** How the job runs once its condition holds. */
export type RuleWhen = "on_success" | "manual" | "always";

/** The `rules:` for a job present under `presence`. */
export function jobRules(presence: Cond, when: RuleWhen): JsonObject[] {
  if (presence.kind === "false") return [{ when: "never" }];
  const rule: JsonObject = presence.kind === "true" ? {} : { if: renderCond(presence) };
  rule.when = when;
  if (when === "manual") rule.allow_failure = false;
  return [rule];
}
