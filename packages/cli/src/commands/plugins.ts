import { dirname } from "node:path";
import {
  CIGEN_VERSION,
  type Diagnostic,
  listPlugins,
  PluginHost,
  pluginEnvironment,
  readConfigSource,
  repoRootOf,
  searchPathsFor,
} from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";

/** `cigen plugins`: every plugin found, where from, its version, capabilities and hooks. */
export async function pluginsCommand(ctx: CommandContext): Promise<number> {
  const options = ctx.pipeline();
  const located = await readConfigSource(options.cwd, options.configPath);
  const repoRoot = located.source ? repoRootOf(located.source.path) : options.cwd;
  const search = searchPathsFor(options, repoRoot);
  const launches = listPlugins(search);
  const host = new PluginHost({
    ...options,
    search,
    coreVersion: CIGEN_VERSION,
    env: pluginEnvironment(options.env),
    onStderrLine: options.onPluginLog,
  });
  const diagnostics: Diagnostic[] = [];
  const rows = [];
  try {
    // Each plugin is started alone so one broken plugin does not hide the others.
    for (const launch of launches) {
      const { plugin, diagnostic } = await host.startOne(launch.name);
      if (diagnostic) diagnostics.push(diagnostic);
      const info = plugin?.info;
      rows.push({
        name: launch.name,
        source: launch.source,
        path: launch.path,
        version: info?.version ?? null,
        protocol: info?.protocol ?? null,
        capabilities: info?.capabilities ?? [],
        hooks: info?.hooks ?? [],
      });
    }
  } finally {
    diagnostics.push(...(await host.shutdown()));
  }
  if (ctx.flags.json) {
    ctx.json({ plugins: rows }, diagnostics);
  } else {
    ctx.report(diagnostics);
    for (const r of rows) {
      ctx.out(`${ctx.style.bold(r.name)} ${r.version ?? "(failed to start)"}  [${r.source}] ${r.path}\n`);
      ctx.out(`  capabilities: ${r.capabilities.join(", ") || "-"}\n  hooks: ${r.hooks.join(", ") || "-"}\n`);
    }
    if (!rows.length) ctx.out(`no plugins found (searched ${dirname(search.repoRoot)})\n`);
  }
  return exitCodeFor(diagnostics);
}
