import { hasErrors } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";
import { finish, hashingProgress, withSkipProject } from "./with-skip-project";

export interface SignaturesFlags {
  job?: string[];
  format?: "json" | "lines";
}

/**
 * `cigen signatures [--job ID]... [--format json|lines]`: every job variant's work signature.
 * Lines are `<job id>\t<signature or ->` (`-`: the job is never skipped).
 */
export async function signaturesCommand(ctx: CommandContext, flags: SignaturesFlags): Promise<number> {
  const json = ctx.flags.json || flags.format === "json";
  const jsonCtx = { ...ctx, flags: { ...ctx.flags, json } };
  return withSkipProject(jsonCtx, { signatures: [] }, async (project, diagnostics) => {
    for (const id of flags.job ?? []) {
      const { diagnostic } = project.job(id);
      if (diagnostic) diagnostics.push(diagnostic);
    }
    if (hasErrors(diagnostics)) {
      finish(jsonCtx, { signatures: [] }, diagnostics);
      return exitCodeFor(diagnostics);
    }
    const computed = await project.signatures({ onProgress: hashingProgress(ctx, "signatures") });
    diagnostics.push(...computed.diagnostics);
    const wanted = flags.job?.length ? new Set(flags.job) : undefined;
    const results = computed.results.filter((r) => !wanted || wanted.has(r.job));
    const signatures = results.map((r) => ({
      job: r.job,
      signature: r.signature ?? null,
      inputs: { files: r.inputs.files, env: r.inputs.env, modules: r.inputs.modules, needs: r.inputs.needs },
      ...(r.reason ? { reason: r.reason } : {}),
    }));
    const lines = results.map((r) => `${r.job}\t${r.signature ?? "-"}\n`).join("");
    finish(jsonCtx, { signatures }, diagnostics, lines);
    return exitCodeFor(diagnostics);
  });
}
