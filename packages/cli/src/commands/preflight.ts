import { hasErrors, type PreflightResult, preflightAll, preflightJob } from "@cigen/core";
import type { CommandContext } from "../context";
import { ExitCode, exitCodeFor } from "../exit-codes";
import { finish, withSkipProject } from "./with-skip-project";

export interface PreflightFlags {
  job?: string;
  signature?: string;
  all?: boolean;
  format?: "lines";
}

/**
 * `cigen preflight --job ID [--signature HEX]`: exit 0 = the job must run, 78 = it may be skipped,
 * with the reason on stderr. `--all`: one line per job variant, `<id>\t<run|skip>\t<signature or ->`.
 */
export async function preflightCommand(ctx: CommandContext, flags: PreflightFlags): Promise<number> {
  if ((flags.job === undefined) === !flags.all || (flags.all && flags.signature !== undefined)) {
    process.stderr.write("cigen preflight: give either --job <id> (optionally --signature) or --all\n");
    return ExitCode.USAGE;
  }
  if (flags.all) return preflightEvery(ctx);
  const job = flags.job!;
  return withSkipProject(
    ctx,
    { job, signature: null, should_run: true, reason: null, record: null },
    async (project, diagnostics) => {
      const answer = await preflightJob(project, job, { signature: flags.signature });
      diagnostics.push(...answer.diagnostics);
      const result = answer.result;
      if (!result || hasErrors(diagnostics)) {
        finish(ctx, { job, signature: null, should_run: true, reason: null, record: null }, diagnostics);
        return exitCodeFor(diagnostics);
      }
      finish(ctx, resultJson(result), diagnostics);
      if (!ctx.flags.json) process.stderr.write(`${result.reason}\n`);
      return result.shouldRun ? ExitCode.OK : ExitCode.SKIP;
    },
  );
}

async function preflightEvery(ctx: CommandContext): Promise<number> {
  return withSkipProject(ctx, { jobs: [] }, async (project, diagnostics) => {
    const answer = await preflightAll(project);
    diagnostics.push(...answer.diagnostics);
    const lines = answer.results
      .map((r) => `${r.job}\t${r.shouldRun ? "run" : "skip"}\t${r.signature ?? "-"}\n`)
      .join("");
    finish(ctx, { jobs: answer.results.map(resultJson) }, diagnostics, lines);
    // Never a skip code here: the caller reads the lines; errors still fail.
    return exitCodeFor(diagnostics);
  });
}

function resultJson(r: PreflightResult): Record<string, unknown> {
  return {
    job: r.job,
    signature: r.signature ?? null,
    should_run: r.shouldRun,
    reason: r.reason,
    record: r.record
      ? {
          job_id: r.record.jobId,
          signature: r.record.signature,
          recorded_at: r.record.recordedAt,
          metadata: r.record.metadata,
        }
      : null,
  };
}
