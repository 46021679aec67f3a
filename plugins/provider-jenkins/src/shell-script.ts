/**
 * Shell text for `sh` steps: checksums computed in the shell (Jenkins has no checksum function),
 * a subshell for steps with their own env or directory, and the status-recording script that runs
 * `if: failure` / `if: always` steps in order (see steps.ts).
 */
import { singleQuote } from "./shell-quote";

/** The shell variable that holds the checksum of the `index`-th file a script computes. */
export function checksumVar(index: number): string {
  return `cigen_sum_${index + 1}`;
}

/** Lines computing each file's SHA-256 into a variable; a missing file hashes as empty content. */
export function checksumPrelude(paths: string[]): string[] {
  return paths.map(
    (p, i) => `${checksumVar(i)}="$( (cat ${singleQuote(p)} 2>/dev/null || true) | sha256sum | cut -c 1-64)"`,
  );
}

/** Which steps run: after success only, after a failure only, or always. */
export type Condition = "success" | "failure" | "always";

const GUARD: Record<Condition, string | undefined> = {
  success: 'if [ "$cigen_failed" = 0 ]; then',
  failure: 'if [ "$cigen_failed" != 0 ]; then',
  always: undefined,
};

/**
 * One script that runs `steps` in order by their conditions: each in a subshell with errexit, a
 * failure recorded in `cigen_failed`, and a non-zero exit at the end when any step failed.
 */
export function conditionalScript(steps: { condition: Condition; body: string }[]): string {
  const lines = ["set -e", "cigen_failed=0"];
  for (const { condition, body } of steps) {
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
    const guard = GUARD[condition];
    lines.push(...(guard ? [guard, ...run, "fi"] : run));
  }
  lines.push('if [ "$cigen_failed" != 0 ]; then exit 1; fi');
  return lines.join("\n");
}
