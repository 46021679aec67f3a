import { resolve } from "node:path";
import {
  compareFiles,
  hasErrors,
  LOCK_FILE,
  renderLock,
  runPipeline,
  unifiedDiff,
  writeFilesAtomically,
} from "@cigen/core";
import type { CommandContext } from "../context";
import { ExitCode, exitCodeFor } from "../exit-codes";

export interface GenerateFlags {
  provider?: string[];
  check?: boolean;
  outDir?: string;
  updateLock?: boolean;
}

/**
 * `cigen generate`: runs the pipeline and writes every selected provider's files atomically;
 * with --check writes nothing and exits 1 with a unified diff when the files on disk differ.
 */
export async function generateCommand(ctx: CommandContext, flags: GenerateFlags): Promise<number> {
  const result = await runPipeline(ctx.pipeline({ providers: flags.provider, updateLock: flags.updateLock }));
  const failed = hasErrors(result.diagnostics) || !result.repoRoot;
  if (failed) return finish(ctx, result.diagnostics, [], exitCodeFor(result.diagnostics));
  const baseDir = flags.outDir ? resolve(process.cwd(), flags.outDir) : result.repoRoot!;
  const compared = await compareFiles(baseDir, result.files);
  if (flags.check) {
    const drifted = compared.filter((f) => f.status !== "unchanged");
    if (!ctx.flags.json) ctx.out(drifted.map(unifiedDiff).join(""));
    const files = compared.map((f) => ({
      path: f.path,
      provider: f.provider,
      status: f.status === "unchanged" ? "unchanged" : "stale",
    }));
    if (drifted.length && !ctx.flags.json) {
      result.diagnostics.push({
        severity: "error",
        code: "CIGEN-CHECK-001",
        message: `${drifted.length} generated file(s) are out of date: ${drifted.map((f) => f.path).join(", ")}`,
        hint: "run `cigen generate` and commit the result",
      });
    }
    return finish(ctx, result.diagnostics, files, drifted.length ? ExitCode.USER_ERROR : ExitCode.OK);
  }
  // The lock is written once the outputs it produced are in place.
  const lock =
    flags.updateLock && result.lock ? [{ path: LOCK_FILE, content: renderLock(result.lock), provider: "" }] : [];
  const lockFiles = await compareFiles(result.repoRoot!, lock);
  await writeFilesAtomically(baseDir, compared);
  await writeFilesAtomically(result.repoRoot!, lockFiles);
  const files = compared.map((f) => ({
    path: f.path,
    provider: f.provider,
    status: f.status === "unchanged" ? "unchanged" : "written",
  }));
  if (!ctx.flags.json && !ctx.flags.quiet) {
    const written = files.filter((f) => f.status === "written").length;
    ctx.progress.done();
    process.stderr.write(`cigen: ${written} file(s) written, ${files.length - written} unchanged\n`);
  }
  return finish(ctx, result.diagnostics, files, ExitCode.OK);
}

function finish(
  ctx: CommandContext,
  diagnostics: Parameters<CommandContext["report"]>[0],
  files: unknown[],
  code: number,
): number {
  if (ctx.flags.json) ctx.json({ files }, diagnostics);
  else ctx.report(diagnostics);
  return code;
}
