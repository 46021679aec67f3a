/** The Buildkite step key of a job: its variant id (already within Buildkite's key characters). */
export function stepKey(id: string): string {
  return id;
}

/** The block step a manual job waits for, named after the GitHub environment cigen uses. */
export function approvalKey(id: string): string {
  return `approve-${id}`;
}

/** The wait step that root block steps depend on, so they do not wait for every earlier step. */
export const START_KEY = "cigen-start";
