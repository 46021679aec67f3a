import type { Triggers } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";

/**
 * A workflow's `on:` block, keys in GitHub's documentation order. Push and pull request branch
 * globs pass through untouched: GitHub's filter syntax is the one cigen.yml borrows. Returns an
 * empty object for a workflow nothing starts; the caller reports that.
 */
export function workflowTriggers(triggers: Triggers | undefined): JsonObject {
  const on: JsonObject = {};
  if (triggers?.push) {
    const push: JsonObject = {};
    if (triggers.push.branches.length > 0) push.branches = [...triggers.push.branches];
    if (triggers.push.tags.length > 0) push.tags = [...triggers.push.tags];
    on.push = push;
  }
  if (triggers?.pullRequest) {
    on.pull_request = triggers.pullRequest.branches.length > 0 ? { branches: [...triggers.pullRequest.branches] } : {};
  }
  const crons = [...new Set(triggers?.schedules ?? [])];
  if (crons.length > 0) on.schedule = crons.map((cron) => ({ cron }));
  if (triggers?.manual) on.workflow_dispatch = {};
  return on;
}
