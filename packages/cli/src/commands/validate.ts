import { runPipeline } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";

/** `cigen validate`: loads, checks and plans everything generate would, and writes nothing. */
export async function validateCommand(
  ctx: CommandContext,
  flags: { provider?: string[]; updateLock?: boolean },
): Promise<number> {
  const result = await runPipeline(ctx.pipeline({ providers: flags.provider, updateLock: flags.updateLock }));
  const code = exitCodeFor(result.diagnostics);
  if (ctx.flags.json) {
    ctx.json(
      { providers: result.providers, files: result.files.map((f) => ({ path: f.path, provider: f.provider })) },
      result.diagnostics,
    );
  } else {
    ctx.report(result.diagnostics);
    if (code === 0 && !ctx.flags.quiet)
      process.stderr.write(`cigen: valid (${result.files.length} file(s) for ${result.providers.join(", ")})\n`);
  }
  return code;
}
