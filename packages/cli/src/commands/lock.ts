import { join } from "node:path";
import { compareFiles, LOCK_FILE, lockModules, writeFilesAtomically } from "@cigen/core";
import type { CommandContext } from "../context";
import { ExitCode, exitCodeFor } from "../exit-codes";

/**
 * `cigen lock`: resolves the modules the config needs from what is installed and writes
 * cigen.lock (atomically); `--check` writes nothing and exits 1 when the lock on disk differs.
 */
export async function lockCommand(ctx: CommandContext, flags: { check?: boolean }): Promise<number> {
  const result = await lockModules(ctx.pipeline());
  const { diagnostics } = result;
  const modules = (result.lock?.modules ?? []).map((m) => ({ name: m.name, version: m.version, source: m.source }));
  if (result.text === undefined || !result.repoRoot) {
    if (ctx.flags.json) ctx.json({ modules }, diagnostics);
    else ctx.report(diagnostics);
    return exitCodeFor(diagnostics);
  }
  const [file] = await compareFiles(result.repoRoot, [{ path: LOCK_FILE, content: result.text, provider: "" }]);
  const changed = file.status !== "unchanged";
  if (changed && flags.check)
    diagnostics.push({
      severity: "error",
      code: "CIGEN-CHECK-002",
      message: `${LOCK_FILE} is out of date`,
      hint: "run `cigen lock` and commit cigen.lock",
    });
  else if (changed) await writeFilesAtomically(result.repoRoot, [file]);
  const status = !changed ? "unchanged" : flags.check ? "stale" : "written";
  if (ctx.flags.json) ctx.json({ path: join(result.repoRoot, LOCK_FILE), status, modules }, diagnostics);
  else {
    ctx.report(diagnostics);
    if (!ctx.flags.quiet)
      process.stderr.write(
        `cigen: ${LOCK_FILE} ${status} (${modules.map((m) => `${m.name} ${m.version}`).join(", ") || "no modules"})\n`,
      );
  }
  return changed && flags.check ? ExitCode.USER_ERROR : exitCodeFor(diagnostics);
}
