import { type Diagnostic, openSkipProject, type SkipProject } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";

/**
 * Opens the project for a job-skipping command, runs `body`, and always shuts the store plugins
 * down. When the config cannot be loaded, prints the diagnostics (or the JSON envelope with
 * `empty`) and returns the exit code for them.
 */
export async function withSkipProject(
  ctx: CommandContext,
  empty: Record<string, unknown>,
  body: (project: SkipProject, diagnostics: Diagnostic[]) => Promise<number>,
): Promise<number> {
  const opened = await openSkipProject(ctx.pipeline());
  const diagnostics = [...opened.diagnostics];
  if (!opened.project) {
    if (ctx.flags.json) ctx.json(empty, diagnostics);
    else ctx.report(diagnostics);
    return exitCodeFor(diagnostics);
  }
  try {
    return await body(opened.project, diagnostics);
  } finally {
    // Shutdown problems come after the output; they are shown but do not change the result.
    const late = await opened.project.close();
    if (!ctx.flags.json) ctx.report(late);
  }
}

/** Prints the document (--json) or the diagnostics (text), the common ending of these commands. */
export function finish(
  ctx: CommandContext,
  document: Record<string, unknown>,
  diagnostics: readonly Diagnostic[],
  text?: string,
): void {
  if (ctx.flags.json) {
    ctx.json(document, diagnostics);
    return;
  }
  ctx.report(diagnostics);
  if (text) ctx.out(text);
}

/** Hashing progress on a terminal ("cigen: signatures 12/40…"). */
export function hashingProgress(ctx: CommandContext, label: string) {
  return (done: number, total: number) => ctx.progress.stage(`${label} ${done}/${total}`);
}
