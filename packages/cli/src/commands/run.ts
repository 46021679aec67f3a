import { runJob } from "@cigen/core";
import type { CommandContext } from "../context";
import { ExitCode, exitCodeFor } from "../exit-codes";
import { finish, withSkipProject } from "./with-skip-project";

export interface RunFlags {
  dryRun?: boolean;
}

/**
 * `cigen run JOB [--dry-run]`: runs the job's steps locally with bash, needed jobs first, each
 * skipped when its signature is recorded, recording successes. Exits with the first failing
 * step's code.
 */
export async function runCommand(ctx: CommandContext, job: string, flags: RunFlags): Promise<number> {
  return withSkipProject(ctx, { jobs: [], exit_code: ExitCode.USER_ERROR }, async (project, diagnostics) => {
    ctx.progress.stage("signatures");
    const result = await runJob(project, job, {
      dryRun: flags.dryRun,
      // stdout carries the JSON document, so the steps' output goes to stderr.
      output: ctx.flags.json ? "stderr" : "inherit",
      onLine: (line) => {
        ctx.progress.done();
        if (!ctx.flags.quiet) process.stderr.write(`cigen: ${line}\n`);
      },
    });
    diagnostics.push(...result.diagnostics);
    const jobs = result.jobs.map((j) => ({
      job: j.job,
      signature: j.signature ?? null,
      action: j.action,
      reason: j.reason,
      recorded: j.recorded ?? false,
      notice: j.notice ?? null,
    }));
    finish(ctx, { jobs, exit_code: result.exitCode }, diagnostics);
    return result.exitCode !== 0 ? result.exitCode : exitCodeFor(diagnostics);
  });
}
