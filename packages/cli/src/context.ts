import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_TIMEOUTS, type Diagnostic, type PipelineOptions } from "@cigen/core";
import { diagnosticJson, formatDiagnostics } from "./output/format-diagnostics";
import { createProgress, type Progress } from "./output/progress";
import { createStyle, type Style } from "./output/style";

/** The common flags of every command (cli.md). */
export interface CommonFlags {
  config?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  plugin?: string[];
  pluginTimeout?: string;
  handshakeTimeout?: string;
}

/** What a command needs from the outside world, resolved once from the flags. */
export interface CommandContext {
  flags: CommonFlags;
  style: Style;
  progress: Progress;
  pipeline(extra?: Partial<PipelineOptions>): PipelineOptions;
  /** Prints diagnostics on stderr (text mode only). */
  report(diagnostics: readonly Diagnostic[]): void;
  /** Prints a JSON document on stdout. */
  json(document: Record<string, unknown>, diagnostics: readonly Diagnostic[]): void;
  out(text: string): void;
}

export function createContext(flags: CommonFlags): CommandContext {
  const color = flags.color !== false && !process.env.NO_COLOR && Boolean(process.stderr.isTTY);
  const style = createStyle(color);
  const progress = createProgress(!flags.quiet && !flags.json && !flags.verbose);
  return {
    flags,
    style,
    progress,
    pipeline: (extra) => ({
      cwd: process.cwd(),
      configPath: flags.config,
      pluginPaths: flags.plugin ?? [],
      bundledPluginDirs: bundledPluginDirs(),
      handshakeTimeoutMs: milliseconds(flags.handshakeTimeout, DEFAULT_TIMEOUTS.handshakeTimeoutMs),
      callTimeoutMs: milliseconds(flags.pluginTimeout, DEFAULT_TIMEOUTS.callTimeoutMs),
      shutdownGraceMs: DEFAULT_TIMEOUTS.shutdownGraceMs,
      env: process.env,
      onPluginLog: flags.verbose
        ? (plugin, line) => process.stderr.write(`${style.dim(`[${plugin}]`)} ${line}\n`)
        : undefined,
      onStage: (stage) => progress.stage(stage),
      ...extra,
    }),
    report(diagnostics) {
      progress.done();
      // Notes (info) are for --verbose; --quiet keeps only errors. --json always carries everything.
      const shown = diagnostics.filter((d) =>
        flags.quiet ? d.severity === "error" : d.severity !== "info" || Boolean(flags.verbose),
      );
      if (!flags.json && shown.length) process.stderr.write(formatDiagnostics(shown, style));
    },
    json(document, diagnostics) {
      const ok = !diagnostics.some((d) => d.severity === "error");
      process.stdout.write(
        `${JSON.stringify({ ok, diagnostics: diagnostics.map(diagnosticJson), ...document }, null, 2)}\n`,
      );
    },
    out(text) {
      progress.done();
      process.stdout.write(text);
    },
  };
}

function milliseconds(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * The plugins shipped with cigen are the workspace's bins: every `node_modules/.bin` above this
 * bundle (the checkout's root has them after `npm ci`), so they are found with no set-up.
 */
function bundledPluginDirs(): string[] {
  const dirs: string[] = [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const bin = join(dir, "node_modules", ".bin");
    if (existsSync(bin)) dirs.push(bin);
    const parent = dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}
