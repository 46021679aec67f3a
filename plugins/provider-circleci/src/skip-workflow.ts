import type { JsonObject } from "@cigen/provider-kit";

/** The job that stands in for a continuation in which every job was skipped. */
export const ALL_SKIPPED_JOB = "cigen-all-skipped";

/**
 * A continuation config needs a workflow; when every job was skipped (all recorded), one small
 * job says so, which also shows the pipeline as passed. It is added to `jobs` in place.
 */
export function allSkippedWorkflow(jobs: JsonObject): JsonObject {
  jobs[ALL_SKIPPED_JOB] = {
    docker: [{ image: "cimg/base:current" }],
    resource_class: "small",
    steps: [
      { run: { name: "cigen", command: 'echo "cigen: every job passed before with the same inputs; nothing to run"' } },
    ],
  };
  return { [ALL_SKIPPED_JOB]: { jobs: [ALL_SKIPPED_JOB] } };
}
