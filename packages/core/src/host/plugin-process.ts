import { type ChildProcess, spawn } from "node:child_process";
import type { MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import {
  callMethod,
  type HookName,
  isPeerError,
  Methods,
  type PeerError,
  type PluginInfo,
  PROTOCOL_VERSIONS,
  RpcPeer,
} from "@cigen/protocol";
import { PluginCodes } from "./codes";
import { describeExit, type ExitStatus, PluginFailure } from "./plugin-failure";
import { StderrTail } from "./stderr-tail";

type M = typeof Methods;

/** Where a plugin executable is and how to start it. */
export interface PluginLaunch {
  /** The executable's name, e.g. "cigen-provider-github". */
  name: string;
  command: string;
  args: string[];
  /** Where discovery found it: "explicit", ".cigen/plugins", "node_modules", "bundled", "PATH". */
  source: string;
  path: string;
}

/** Timing and limits of one plugin session. */
export interface ProcessOptions {
  coreVersion: string;
  handshakeTimeoutMs: number;
  callTimeoutMs: number;
  /** How long a plugin may take to exit after its stdin closes before SIGTERM (then SIGKILL). */
  shutdownGraceMs: number;
  maxFrameBytes?: number;
  env: NodeJS.ProcessEnv;
  /** Receives each stderr line (shown at --verbose). */
  onStderrLine?: (plugin: string, line: string) => void;
}

const STDERR_LINES_KEPT = 20;
/** After a stream closes, how long to wait for the exit status that explains it. */
const EXIT_STATUS_WAIT_MS = 1_000;
const SIGTERM_WAIT_MS = 1_000;

/**
 * One running plugin: the host owns its whole life (spawn, handshake, calls, stderr, shutdown and
 * kill), as go-plugin's client does, so a plugin author never thinks about processes.
 */
export class PluginProcess {
  private readonly child: ChildProcess;
  private readonly peer: RpcPeer;
  private readonly stderr: StderrTail;
  private readonly exited: Promise<ExitStatus>;
  private status: ExitStatus | undefined;
  private pluginInfo: PluginInfo | undefined;

  private constructor(
    readonly launch: PluginLaunch,
    private readonly options: ProcessOptions,
  ) {
    this.child = spawn(launch.command, launch.args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: options.env,
      windowsHide: true,
    });
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.status = { code, signal };
        resolve(this.status);
      });
      this.child.on("error", () => {
        // Spawn failures (ENOENT, EACCES) arrive here instead of "exit".
        this.status ??= { code: 127, signal: null };
        resolve(this.status);
      });
    });
    const stdio = this.child.stdio;
    this.stderr = new StderrTail(stdio[2]!, STDERR_LINES_KEPT, (line) => options.onStderrLine?.(this.name, line));
    this.peer = new RpcPeer(stdio[1]!, stdio[0]!, { maxFrameBytes: options.maxFrameBytes });
    this.peer.onClose((err) => {
      // A stream that cannot be trusted any more: stop the plugin now rather than let it flood us.
      if (err && err.kind !== "closed") this.kill();
    });
  }

  /** Starts the plugin and completes the handshake; throws PluginFailure. */
  static async start(launch: PluginLaunch, options: ProcessOptions): Promise<PluginProcess> {
    const plugin = new PluginProcess(launch, options);
    const spawnError = new Promise<Error>((resolve) => plugin.child.once("error", resolve));
    const hello = callMethod(
      plugin.peer,
      Methods.handshake,
      { protocolVersions: PROTOCOL_VERSIONS, coreVersion: options.coreVersion },
      { timeoutMs: options.handshakeTimeoutMs },
    );
    const outcome = await Promise.race([
      hello.then(
        (info) => ({ info }),
        (error: unknown) => ({ error }),
      ),
      spawnError.then((e) => ({ spawnError: e })),
    ]);
    if ("spawnError" in outcome) {
      hello.catch(() => {});
      throw new PluginFailure(
        plugin.name,
        PluginCodes.SPAWN_FAILED,
        `could not start ${launch.path}: ${outcome.spawnError.message}`,
        "check that the file exists and is executable, or reinstall the plugin",
      );
    }
    if ("error" in outcome) {
      plugin.kill();
      throw await plugin.failure(outcome.error, "the handshake");
    }
    plugin.pluginInfo = outcome.info;
    plugin.checkVersion(outcome.info);
    return plugin;
  }

  /** The executable name, used to label diagnostics and log lines. */
  get name(): string {
    return this.launch.name;
  }

  /** What the plugin said about itself in the handshake. */
  get info(): PluginInfo {
    if (!this.pluginInfo) throw new Error(`${this.name}: info read before the handshake finished`);
    return this.pluginInfo;
  }

  implements(hook: HookName): boolean {
    return this.info.hooks.includes(hook);
  }

  /** Calls one hook; throws PluginFailure (an unimplemented hook is kind "remote", code UNIMPLEMENTED). */
  async call<K extends HookName>(
    hook: K,
    request: MessageInitShape<M[K]["input"]>,
  ): Promise<MessageShape<M[K]["output"]>> {
    try {
      // biome-ignore lint/suspicious/noExplicitAny: K correlates the method with its messages; TypeScript cannot follow it through the table.
      return (await callMethod(this.peer, Methods[hook] as any, request as never, {
        timeoutMs: this.options.callTimeoutMs,
      })) as MessageShape<M[K]["output"]>;
    } catch (e) {
      if (isPeerError(e) && e.kind === "timeout") this.kill();
      throw await this.failure(e, capitalize(hook));
    }
  }

  /**
   * Closes the plugin's stdin and waits for it to exit; SIGTERM after the grace period, SIGKILL
   * after that. Resolves to true when the plugin exited on its own.
   */
  async shutdown(): Promise<boolean> {
    if (this.status) return true;
    this.peer.end();
    if (await this.waitExit(this.options.shutdownGraceMs)) return true;
    this.child.kill("SIGTERM");
    if (!(await this.waitExit(SIGTERM_WAIT_MS))) this.child.kill("SIGKILL");
    await this.exited;
    return false;
  }

  /** Stops the plugin at once. */
  kill(): void {
    if (!this.status) this.child.kill("SIGKILL");
  }

  /** The last lines the plugin wrote to stderr. */
  get stderrTail(): string[] {
    return this.stderr.last;
  }

  private checkVersion(info: PluginInfo): void {
    if (info.protocol >= PROTOCOL_VERSIONS.min && info.protocol <= PROTOCOL_VERSIONS.max) return;
    const theirs = info.protocolVersions ? `${info.protocolVersions.min}..${info.protocolVersions.max}` : "unknown";
    const ours = `${PROTOCOL_VERSIONS.min}..${PROTOCOL_VERSIONS.max}`;
    const tooNew = (info.protocolVersions?.min ?? 0) > PROTOCOL_VERSIONS.max;
    this.kill();
    throw new PluginFailure(
      this.name,
      PluginCodes.VERSION_MISMATCH,
      `speaks plugin protocol versions ${theirs}; this cigen (${this.options.coreVersion}) speaks ${ours}`,
      tooNew
        ? "upgrade cigen to a version that speaks the plugin's protocol"
        : `upgrade ${this.name} to a version that speaks protocol ${ours}`,
      this.stderrTail,
    );
  }

  private async waitExit(ms: number): Promise<ExitStatus | undefined> {
    if (this.status) return this.status;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** Turns a failed call into a PluginFailure that says what happened and what to do. */
  private async failure(error: unknown, during: string): Promise<PluginFailure> {
    if (!isPeerError(error)) {
      return new PluginFailure(
        this.name,
        PluginCodes.CALL_FAILED,
        `failed during ${during}: ${String(error)}`,
        "",
        this.stderrTail,
      );
    }
    const exit =
      error.kind === "closed" || error.kind === "truncated" ? await this.waitExit(EXIT_STATUS_WAIT_MS) : undefined;
    // stderr may still be draining right after the exit; give it a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const { code, message, hint } = explain(error, during, exit, this.options);
    return new PluginFailure(this.name, code, message, hint, this.stderrTail);
  }
}

function explain(
  error: PeerError,
  during: string,
  exit: ExitStatus | undefined,
  options: ProcessOptions,
): { code: string; message: string; hint: string } {
  const crashCode = during === "the handshake" ? PluginCodes.CRASHED_IN_HANDSHAKE : PluginCodes.CRASHED_IN_CALL;
  const report = "this is a bug in the plugin: report it to its authors with the stderr lines below";
  switch (error.kind) {
    case "closed":
      if (!exit)
        return { code: crashCode, message: `closed its output during ${during} but did not exit`, hint: report };
      return {
        code: crashCode,
        message: `${describeExit(exit)} during ${during} without answering`,
        hint: exit.code === 0 && !exit.signal ? report : `${report}; a crash usually shows in its stderr`,
      };
    case "timeout":
      return {
        code: PluginCodes.TIMEOUT,
        message: `did not answer ${during} within ${during === "the handshake" ? options.handshakeTimeoutMs : options.callTimeoutMs} ms and was stopped`,
        hint: "the plugin may be stuck; raise --plugin-timeout / --handshake-timeout (milliseconds) if it is only slow",
      };
    case "remote":
      return {
        code: PluginCodes.CALL_FAILED,
        message: `reported an internal error during ${during}: ${error.message}`,
        hint: report,
      };
    case "unknown-id":
      return {
        code: PluginCodes.UNKNOWN_RESPONSE_ID,
        message: `broke the protocol during ${during}: ${error.message}`,
        hint: report,
      };
    default: {
      const ended = exit ? ` (it then ${describeExit(exit)})` : "";
      return {
        code: PluginCodes.PROTOCOL_VIOLATION,
        message: `broke the protocol during ${during}: ${error.message}${ended}`,
        hint:
          error.kind === "not-a-frame"
            ? "a plugin must write only protocol frames to stdout; log to stderr (the TypeScript SDK redirects console.log for you)"
            : report,
      };
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
