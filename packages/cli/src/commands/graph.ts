import { expandJobs, type GraphFormat, hasErrors, openConfig, renderGraph } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";

/** `cigen graph`: the job DAG after matrix expansion, as Mermaid (default) or DOT. */
export async function graphCommand(ctx: CommandContext, flags: { format: GraphFormat }): Promise<number> {
  const opened = await openConfig(process.cwd(), ctx.flags.config);
  const diagnostics = [...opened.diagnostics];
  const expanded = opened.config ? expandJobs(opened.config) : undefined;
  diagnostics.push(...(expanded?.diagnostics ?? []));
  const jobs = hasErrors(diagnostics) ? [] : (expanded?.jobs ?? []);
  if (ctx.flags.json) {
    ctx.json(
      { jobs: jobs.map((j) => ({ id: j.id, job: j.baseId, needs: j.needs, needs_any: j.needsAny })) },
      diagnostics,
    );
  } else {
    ctx.report(diagnostics);
    if (jobs.length) ctx.out(renderGraph(jobs, flags.format));
  }
  return exitCodeFor(diagnostics);
}
