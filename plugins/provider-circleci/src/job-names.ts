/**
 * CircleCI job names must start with a letter (`^[A-Za-z][A-Za-z\s\d_-]*$`); cigen variant ids may
 * start with a digit or `_` (a matrix value folded into the id), so those get a `job-` prefix.
 */
export function circleJobName(id: string): string {
  return /^[A-Za-z]/.test(id) ? id : `job-${id}`;
}

/** The approval job a manual job waits for, named after the GitHub environment cigen uses. */
export function approvalJobName(id: string): string {
  return `approve-${circleJobName(id)}`;
}

/** The name of the CircleCI schedule trigger that starts a workflow's `index`th cron (1-based). */
export function scheduleName(workflow: string, index: number): string {
  return `${workflow}-schedule-${index + 1}`;
}
