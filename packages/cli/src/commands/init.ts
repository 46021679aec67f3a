import { basename, dirname } from "node:path";
import {
  type Diagnostic,
  hasErrors,
  InitCodes,
  type InitResult,
  initRepository,
  writeFilesAtomically,
} from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";

interface InitFlags {
  force?: boolean;
  provider?: string[];
  stdout?: boolean;
}

/**
 * `cigen init`: writes a starter cigen.yml from what the modules detect and the CI config already
 * in the repository (atomically), or prints it with --stdout. An existing config is never
 * replaced without --force.
 */
export async function initCommand(ctx: CommandContext, flags: InitFlags): Promise<number> {
  const result = await initRepository({
    ...ctx.pipeline({ providers: flags.provider }),
    force: Boolean(flags.force),
    print: Boolean(flags.stdout),
  });
  const { diagnostics } = result;
  let written = false;
  if (result.text !== undefined && !flags.stdout && !hasErrors(diagnostics)) {
    ctx.progress.stage("write");
    written = await write(result, result.text, diagnostics);
  }

  if (ctx.flags.json) ctx.json(jsonDocument(result, written, flags.stdout), diagnostics);
  else {
    ctx.report(diagnostics);
    if (flags.stdout && result.text !== undefined) ctx.out(result.text);
    else if (written && !ctx.flags.quiet) process.stderr.write(summary(result));
  }
  return exitCodeFor(diagnostics);
}

async function write(result: InitResult, text: string, diagnostics: Diagnostic[]): Promise<boolean> {
  try {
    await writeFilesAtomically(dirname(result.path), [
      { path: basename(result.path), content: text, provider: "", status: "added" },
    ]);
    return true;
  } catch (e) {
    diagnostics.push({
      severity: "error",
      code: InitCodes.WRITE_FAILED,
      file: result.displayPath,
      message: `${result.displayPath} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      hint: "check the folder's permissions, or print the starter with --stdout",
    });
    return false;
  }
}

function jsonDocument(result: InitResult, written: boolean, printed?: boolean): Record<string, unknown> {
  return {
    path: result.path,
    written,
    ...(printed && result.text !== undefined ? { content: result.text } : {}),
    providers: result.starter?.providers ?? [],
    packages: result.starter?.packages ?? [],
    detected: result.detections.map((d) => ({
      module: d.module,
      version: d.version,
      facts: d.facts,
      evidence: d.evidence,
    })),
    jobs: (result.starter?.jobs ?? []).map((j) => ({
      id: j.id,
      from: j.origin,
      needs: j.needs,
      services: j.services,
      commands: j.steps.map((s) => s.run),
      source_files: j.sourceFiles,
    })),
  };
}

function summary(result: InitResult): string {
  const starter = result.starter;
  const jobs = starter?.jobs.map((j) => j.id) ?? [];
  const parts = [`${jobs.length} job(s) (${jobs.join(", ")})`];
  if (starter?.packages.length) parts.push(`packages ${starter.packages.join(", ")}`);
  parts.push(`providers ${starter?.providers.join(", ")}`);
  return (
    `cigen: ${result.displayPath} written: ${parts.join("; ")}\n` +
    "  review it, then run `cigen validate`, `cigen generate` and `cigen lock`\n"
  );
}
