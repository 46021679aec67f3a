import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { generateContinuation } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";
import { finish, withSkipProject } from "./with-skip-project";

export interface ContinuationFlags {
  provider: string;
  output?: string;
}

/**
 * `cigen continuation --provider P [--output FILE]`: provider P's file for only the jobs that must
 * run, written to FILE (default: stdout). Run inside CI by the provider's setup/planning step.
 */
export async function continuationCommand(ctx: CommandContext, flags: ContinuationFlags): Promise<number> {
  const empty = { provider: flags.provider, path: null, removed: [], restored: [] };
  return withSkipProject(ctx, empty, async (project, diagnostics) => {
    ctx.progress.stage("signatures");
    const result = await generateContinuation(project, flags.provider);
    diagnostics.push(...result.diagnostics);
    if (!result.file) {
      finish(ctx, empty, diagnostics);
      return exitCodeFor(diagnostics);
    }
    const document = {
      provider: flags.provider,
      path: result.file.path,
      removed: result.removed,
      restored: result.restored,
      ...(flags.output ? {} : ctx.flags.json ? { content: result.file.content } : {}),
    };
    if (flags.output) await writeFile(resolve(process.cwd(), flags.output), result.file.content);
    finish(ctx, document, diagnostics, flags.output ? undefined : result.file.content);
    if (!ctx.flags.json && !ctx.flags.quiet) {
      const skipped = result.removed.length ? ` (${result.removed.join(", ")})` : "";
      process.stderr.write(
        `cigen: continuation for ${flags.provider}: ${result.removed.length} job(s) skipped${skipped}\n`,
      );
    }
    return exitCodeFor(diagnostics);
  });
}
