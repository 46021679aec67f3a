/**
 * The status-recording script that runs `if: failure` / `if: always` steps of a Jenkins stage in
 * order, as one `sh` (see steps.ts). Checksums and quoting come from @cigen/provider-kit.
 */
import { guardedStep, STATUS_EXIT, STATUS_START, type StepGuard } from "@cigen/provider-kit";

/** Which steps run: after success only, after a failure only, or always. */
export type Condition = StepGuard;

/**
 * One script that runs `steps` in order by their conditions: each in a subshell with errexit, a
 * failure recorded in `cigen_failed`, and a non-zero exit at the end when any step failed.
 */
export function conditionalScript(steps: { condition: Condition; body: string }[]): string {
  const lines = ["set -e", STATUS_START];
  for (const { condition, body } of steps) lines.push(...guardedStep(condition, body));
  lines.push(STATUS_EXIT);
  return lines.join("\n");
}
