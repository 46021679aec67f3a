import type { SearchPaths } from "../host/discover";
import { pluginEnvironment } from "../host/plugin-environment";
import { PluginHost } from "../host/plugin-host";
import { CIGEN_VERSION } from "../version";
import type { PipelineOptions } from "./pipeline-options";

type HostSettings = Pick<
  PipelineOptions,
  "handshakeTimeoutMs" | "callTimeoutMs" | "shutdownGraceMs" | "env" | "onPluginLog"
>;

/** The plugin host for one run, with the run's timeouts and the scrubbed plugin environment. */
export function createHost(options: HostSettings, search: SearchPaths): PluginHost {
  return new PluginHost({
    search,
    coreVersion: CIGEN_VERSION,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    callTimeoutMs: options.callTimeoutMs,
    shutdownGraceMs: options.shutdownGraceMs,
    env: pluginEnvironment(options.env),
    onStderrLine: options.onPluginLog,
  });
}
