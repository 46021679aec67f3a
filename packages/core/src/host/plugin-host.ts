import type { MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import type { HookName, Methods } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { suggestionHint } from "../diagnostics/did-you-mean";
import { checkCapabilities } from "./capabilities";
import { PluginCodes } from "./codes";
import { findPlugin, listPlugins, type SearchPaths } from "./discover";
import { isPluginFailure, type PluginFailure } from "./plugin-failure";
import { type PluginLaunch, PluginProcess, type ProcessOptions } from "./plugin-process";

type M = typeof Methods;

export interface HostOptions extends ProcessOptions {
  search: SearchPaths;
}

/** One plugin's answer to a fanned-out hook. */
export interface HookResult<K extends HookName> {
  plugin: PluginProcess;
  response: MessageShape<M[K]["output"]>;
}

/**
 * Starts the plugins a run needs (concurrently), checks their capabilities, runs hooks across them
 * and shuts them all down. Every failure becomes a diagnostic naming the plugin; nothing here
 * throws for a misbehaving plugin.
 */
export class PluginHost {
  private readonly running: PluginProcess[] = [];
  /** Processes started by `warm`, not yet claimed, by `launchKey`. */
  private readonly warming = new Map<string, Promise<{ plugin?: PluginProcess; diagnostic?: Diagnostic }>>();
  private readonly killOnExit = () => {
    for (const p of this.running) p.kill();
  };

  constructor(private readonly options: HostOptions) {
    // No plugin process outlives the core, even when the core is interrupted.
    process.once("exit", this.killOnExit);
  }

  /** Starts each named executable; resolves with those that completed the handshake. */
  async start(names: readonly string[]): Promise<{ plugins: PluginProcess[]; diagnostics: Diagnostic[] }> {
    const outcomes = await Promise.all(names.map((name) => this.startOne(name)));
    const plugins = outcomes.flatMap((o) => (o.plugin ? [o.plugin] : []));
    const diagnostics = outcomes.flatMap((o) => (o.diagnostic ? [o.diagnostic] : []));
    diagnostics.push(
      ...checkCapabilities(
        plugins.map((p) => ({
          name: p.name,
          capabilities: p.info.capabilities,
          requires: p.info.requires,
          conflictsWith: p.info.conflictsWith,
        })),
      ),
    );
    return { plugins, diagnostics };
  }

  /**
   * Finds and starts one plugin, without the capability check (which needs the whole set).
   * `extraEnv` adds variables to this plugin's scrubbed environment only (a store plugin's
   * credentials, named in its settings): no other plugin sees them.
   */
  async startOne(
    name: string,
    extraEnv?: NodeJS.ProcessEnv,
  ): Promise<{ plugin?: PluginProcess; diagnostic?: Diagnostic }> {
    const launch = findPlugin(name, this.options.search);
    if (!launch) return { diagnostic: this.notFound(name) };
    return this.startLaunch(launch, extraEnv);
  }

  /**
   * Starts `launch` ahead of need, when the run can already tell it will probably ask for it: the
   * spawn and handshake (~200 ms of a plugin's start) then overlap with the core's own work. The
   * next `startLaunch` of the same executable takes this process instead of starting another; one
   * never asked for is shut down with the rest.
   */
  warm(launch: PluginLaunch): void {
    const key = launchKey(launch);
    if (this.warming.has(key)) return;
    const started = this.startLaunch(launch);
    started.catch(() => {}); // a failure is reported to whoever claims it, or never matters
    this.warming.set(key, started);
  }

  /** Starts one plugin found elsewhere (a module version chosen among several copies, a locked path). */
  async startLaunch(
    launch: PluginLaunch,
    extraEnv?: NodeJS.ProcessEnv,
  ): Promise<{ plugin?: PluginProcess; diagnostic?: Diagnostic }> {
    const key = launchKey(launch);
    const warmed = extraEnv ? undefined : this.warming.get(key);
    if (warmed) {
      this.warming.delete(key);
      return warmed;
    }
    const options = extraEnv ? { ...this.options, env: { ...this.options.env, ...extraEnv } } : this.options;
    try {
      const plugin = await PluginProcess.start(launch, options);
      this.running.push(plugin);
      return { plugin };
    } catch (e) {
      if (!isPluginFailure(e)) throw e;
      return { diagnostic: failureDiagnostic(e) };
    }
  }

  /**
   * Calls `hook` on every plugin in `plugins` that implements it, concurrently. A plugin that
   * answers UNIMPLEMENTED adds nothing; any other failure becomes a diagnostic.
   */
  async fanOut<K extends HookName>(
    hook: K,
    plugins: readonly PluginProcess[],
    request: (plugin: PluginProcess) => MessageInitShape<M[K]["input"]>,
  ): Promise<{ results: HookResult<K>[]; diagnostics: Diagnostic[] }> {
    const diagnostics: Diagnostic[] = [];
    const answers = await Promise.all(
      plugins
        .filter((p) => p.implements(hook))
        .map(async (plugin) => {
          try {
            return { plugin, response: await plugin.call(hook, request(plugin)) };
          } catch (e) {
            if (!isPluginFailure(e)) throw e;
            if (!/UNIMPLEMENTED/.test(e.message)) diagnostics.push(failureDiagnostic(e));
            return undefined;
          }
        }),
    );
    return { results: answers.filter((a): a is HookResult<K> => a !== undefined), diagnostics };
  }

  /** Shuts one plugin down before the others (a module candidate that was not chosen). */
  async release(plugin: PluginProcess): Promise<void> {
    const i = this.running.indexOf(plugin);
    if (i !== -1) this.running.splice(i, 1);
    await plugin.shutdown();
  }

  /** Closes every plugin; a plugin that had to be terminated is reported as a warning. */
  async shutdown(): Promise<Diagnostic[]> {
    // Warmed processes still starting join `running` once their handshake is done (or fail).
    await Promise.all(this.warming.values());
    this.warming.clear();
    const plugins = this.running.splice(0);
    const clean = await Promise.all(plugins.map((p) => p.shutdown()));
    process.removeListener("exit", this.killOnExit);
    return plugins
      .filter((_, i) => !clean[i])
      .map((p) => ({
        severity: "warning" as const,
        code: PluginCodes.IGNORED_SHUTDOWN,
        plugin: p.name,
        message: `plugin ${p.name} did not exit within ${this.options.shutdownGraceMs} ms after its input closed, and was terminated`,
        hint: "a plugin must exit promptly when its stdin closes; report this to its authors",
        details: p.stderrTail.length ? p.stderrTail.map((l) => `stderr: ${l}`) : undefined,
      }));
  }

  private notFound(name: string): Diagnostic {
    const known = listPlugins(this.options.search).map((l) => l.name);
    return {
      severity: "error",
      code: PluginCodes.NOT_FOUND,
      plugin: name,
      message: `no plugin executable named "${name}" was found (searched .cigen/plugins, node_modules/.bin, the plugins bundled with cigen and PATH)`,
      hint: suggestionHint(name, known, "installed plugins"),
    };
  }
}

/** A plugin failure as a diagnostic that names the plugin and shows its last stderr lines. */
export function failureDiagnostic(f: PluginFailure): Diagnostic {
  return {
    severity: "error",
    code: f.code,
    plugin: f.plugin,
    message: `plugin ${f.plugin} ${f.message}`,
    hint: f.hint,
    details: f.stderr.length ? f.stderr.map((l) => `stderr: ${l}`) : undefined,
  };
}

/** What makes two launches the same process: the command line. */
function launchKey(launch: PluginLaunch): string {
  return JSON.stringify([launch.command, ...launch.args]);
}
