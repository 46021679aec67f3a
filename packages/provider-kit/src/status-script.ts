/**
 * One shell script that runs steps in order by their conditions (`if: failure` / `if: always`),
 * for providers whose job is a single script (GitLab `script`, a Jenkins `sh`): each step runs in a
 * subshell with errexit, a failure is recorded in `cigen_failed`, and the script fails at the end
 * when any step failed.
 */

/** When a step runs: after success only, after a failure only, or always. */
export type StepGuard = "success" | "failure" | "always";

const GUARD: Record<StepGuard, string | undefined> = {
  success: 'if [ "$cigen_failed" = 0 ]; then',
  failure: 'if [ "$cigen_failed" != 0 ]; then',
  always: undefined,
};

/** The line that starts the status record (before the first guarded step). */
export const STATUS_START = "cigen_failed=0";

/** The line that fails the script when a step failed (after the last guarded step). */
export const STATUS_EXIT = 'if [ "$cigen_failed" != 0 ]; then exit 1; fi';

/** The lines that run `body` when `guard` holds and record its status. */
export function guardedStep(guard: StepGuard, body: string): string[] {
  // errexit is off around the subshell so its status can be recorded; inside it is on again.
  const run = [
    "set +e",
    "(",
    "set -e",
    body,
    ")",
    "cigen_status=$?",
    "set -e",
    '[ "$cigen_status" = 0 ] || cigen_failed=1',
  ];
  const test = GUARD[guard];
  return test ? [test, ...run, "fi"] : run;
}
