import { resolve } from "node:path";
import { compareFiles, hasErrors, runPipeline } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";

const MARK = { added: "+", changed: "~", unchanged: "=" } as const;

/** `cigen plan`: what generate would write or change, file by file. */
export async function planCommand(
  ctx: CommandContext,
  flags: { provider?: string[]; outDir?: string },
): Promise<number> {
  const result = await runPipeline(ctx.pipeline({ providers: flags.provider }));
  const code = exitCodeFor(result.diagnostics);
  const compared =
    hasErrors(result.diagnostics) || !result.repoRoot
      ? []
      : await compareFiles(flags.outDir ? resolve(process.cwd(), flags.outDir) : result.repoRoot, result.files);
  if (ctx.flags.json) {
    ctx.json(
      { files: compared.map((f) => ({ path: f.path, provider: f.provider, status: f.status })) },
      result.diagnostics,
    );
    return code;
  }
  ctx.report(result.diagnostics);
  ctx.out(compared.map((f) => `${MARK[f.status]} ${f.path} (${f.provider}, ${f.status})\n`).join(""));
  if (compared.length) {
    const count = (s: string) => compared.filter((f) => f.status === s).length;
    ctx.out(`${count("added")} to add, ${count("changed")} to change, ${count("unchanged")} unchanged\n`);
  }
  return code;
}
