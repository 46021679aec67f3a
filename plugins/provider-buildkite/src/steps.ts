import { diagnostic } from "@cigen/plugin-sdk";
import { type Diagnostic, type Job, type Step, StepCondition } from "@cigen/protocol";
import { shellQuote } from "@cigen/provider-kit";
import { NATIVE_USES, UNRESOLVED_USES } from "./codes";
import { shellText, shellWord } from "./text-syntax";
import { installRunStep } from "./toolchains";

/** Commands around the job's own steps. */
export interface ScriptParts {
  /** Run first, in the job's shell (exports reach every step). */
  prelude: string[];
  /** Run when the shell exits, whatever happened (stop services). */
  cleanup: string[];
  /** Run last, only when every step succeeded (record the job's signature). */
  finish?: string[];
}

interface Block {
  /** The step's name, shown as a comment above its lines. */
  name: string;
  condition: StepCondition;
  lines: string[];
}

/**
 * The job's command: one shell script, as Buildkite runs a command step (`-e`: the first failing
 * command fails the job). Each cigen step runs in a subshell when there are several, so its env,
 * `cd` and exports stay its own, as when each step is its own shell on other providers.
 *
 * Steps with `if: failure` / `if: always` are emulated with an EXIT trap: the main flow runs the
 * success and always steps in order, records which step it is at (CIGEN_STEP) and marks the end
 * (CIGEN_DONE); when the shell exits before the end, the trap runs the failure and always steps
 * after the failed one. The job keeps its failing status. The trap reads the markers with
 * `$(printenv ...)`: `$(` is the one form `pipeline upload` leaves alone, so it needs no escaping.
 */
export function buildScript(job: Job, parts: ScriptParts, report: (d: Diagnostic) => void): string[] {
  const blocks = job.steps.flatMap((step) => stepBlock(job, step, report));
  const wrap = blocks.length > 1;
  const deferred = blocks.some((b) => b.condition !== StepCondition.SUCCESS) || parts.cleanup.length > 0;
  // With a trap, even one step runs in a subshell, so an `exit 0` in it cannot end the job early.
  const body = (b: Block, i: number) => (wrap || deferred ? subshell(b, i) : b.lines);
  const finish = parts.finish ?? [];
  if (!deferred) return [...parts.prelude, ...blocks.flatMap(body), ...finish];
  // Which steps the trap runs: those after the step that failed (CIGEN_STEP), by case patterns
  // rather than numeric tests, which read better to shellcheck once `$` is escaped for upload.
  const trap: string[] = [];
  blocks.forEach((b, i) => {
    if (b.condition === StepCondition.SUCCESS) return;
    const before = Array.from({ length: i + 1 }, (_, n) => String(n)).join("|");
    const open = [`    case "$(printenv CIGEN_STEP)" in ${before})`, `    ${title(b, i)}`, "    (", "    set -e"];
    // The step's own lines stay unindented (a heredoc terminator must start its line).
    trap.push(...open, ...b.lines, "    )", "    ;;", "    esac");
  });
  const main = blocks.flatMap((b, i) =>
    b.condition === StepCondition.FAILURE ? [] : [`export CIGEN_STEP=${i + 1}`, ...body(b, i)],
  );
  return [
    "export CIGEN_STEP=0",
    "cigen_finally() {",
    "  set +e",
    ...(trap.length ? ['  if [ -z "$(printenv CIGEN_DONE)" ]; then', ...trap, "  fi"] : []),
    ...parts.cleanup.map((line) => `  ${line}`),
    "}",
    "trap cigen_finally EXIT",
    ...parts.prelude,
    ...main,
    "export CIGEN_DONE=1",
    // After the end mark: a failing finish fails the job without running the failure steps.
    ...finish,
  ];
}

/** A step's lines in a subshell, with its name as a comment (lines are not indented: heredocs). */
function subshell(block: Block, index: number): string[] {
  return [title(block, index), "(", ...block.lines, ")"];
}

function title(block: Block, index: number): string {
  return block.name ? `# ${block.name.replace(/\n/g, " ")}` : `# step ${index + 1}`;
}

function stepBlock(job: Job, step: Step, report: (d: Diagnostic) => void): Block[] {
  const kind = step.kind;
  switch (kind.case) {
    case "run": {
      const lines = step.env.map((e) => `export ${e.name}=${shellWord(e.value, job)}`);
      if (step.workingDirectory) lines.push(`cd ${shellQuote(step.workingDirectory)}`);
      lines.push(shellText(kind.value.command, job));
      return [{ name: step.name, condition: step.condition, lines }];
    }
    case "uses":
      report(usesNotSupported(job, step, kind.value.ref, kind.value.native));
      return [];
    case "setupToolchain":
      // translateJob places toolchains first; one still here is installed where the step stands.
      return stepBlock(job, installRunStep(step, kind.value), report);
    default:
      // restore_cache / save_cache steps are cache plugin uses (see caches.ts).
      return [];
  }
}

function usesNotSupported(job: Job, step: Step, ref: string, native: boolean): Diagnostic {
  if (native) {
    return diagnostic({
      code: NATIVE_USES,
      message: `job "${job.id}": step uses "${ref}", a GitHub action, which buildkite cannot run`,
      hint: `add providers: [github] to job "${job.id}", or replace the step with run: commands`,
      loc: step.loc ?? job.loc,
    });
  }
  return diagnostic({
    code: UNRESOLVED_USES,
    message: `job "${job.id}": step uses "${ref}", which no module plugin resolved, so buildkite has nothing to run`,
    hint: `install the module plugin that provides "${ref.split("@")[0]}"`,
    loc: step.loc ?? job.loc,
  });
}
