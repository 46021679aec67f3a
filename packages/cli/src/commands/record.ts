import { hasErrors, recordJob, shortSignature } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";
import { finish, withSkipProject } from "./with-skip-project";

export interface RecordFlags {
  job: string;
  signature?: string;
}

/**
 * `cigen record --job ID [--signature HEX]`: records a success of the job's signature when the
 * trust rules allow it; otherwise exits 0 with a notice, recording nothing.
 */
export async function recordCommand(ctx: CommandContext, flags: RecordFlags): Promise<number> {
  const empty = { job: flags.job, signature: null, recorded: false, notice: null, store: null };
  return withSkipProject(ctx, empty, async (project, diagnostics) => {
    const answer = await recordJob(project, flags.job, { signature: flags.signature });
    diagnostics.push(...answer.diagnostics);
    const outcome = answer.outcome;
    if (!outcome || hasErrors(diagnostics)) {
      finish(ctx, empty, diagnostics);
      return exitCodeFor(diagnostics);
    }
    finish(
      ctx,
      {
        job: outcome.job,
        signature: outcome.signature ?? null,
        recorded: outcome.recorded,
        notice: outcome.notice ?? null,
        store: outcome.store ?? null,
      },
      diagnostics,
    );
    if (!ctx.flags.json && !ctx.flags.quiet) {
      const what = outcome.signature
        ? `signature ${shortSignature(outcome.signature)} of job "${outcome.job}"`
        : `job "${outcome.job}"`;
      process.stderr.write(
        outcome.recorded
          ? `cigen: recorded ${what} in the ${outcome.store} store\n`
          : `cigen: nothing recorded for ${what}: ${outcome.notice}\n`,
      );
    }
    return exitCodeFor(diagnostics);
  });
}
