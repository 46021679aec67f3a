import type { Readable, Writable } from "node:stream";
import {
  HOOK_NAMES,
  type HookName,
  Methods,
  negotiateVersion,
  PROTOCOL_VERSIONS,
  RpcPeer,
  serveMethod,
} from "@cigen/protocol";
import type { Hook, PluginDefinition } from "./definition";

/**
 * Serves `plugin` over a pair of streams and returns the peer. `servePlugin` uses it with the
 * process's stdio; the test harness uses it with in-memory streams.
 */
export function connectPlugin(plugin: PluginDefinition, input: Readable, output: Writable): RpcPeer {
  const peer = new RpcPeer(input, output);
  const implemented = HOOK_NAMES.filter((h) => typeof plugin.hooks[h] === "function");
  const spoken = plugin.info.protocolVersions ?? PROTOCOL_VERSIONS;
  serveMethod(peer, Methods.handshake, (hello) => {
    const offered = hello.protocolVersions ?? { min: 0, max: 0 };
    return {
      name: plugin.info.name,
      version: plugin.info.version,
      protocol: negotiateVersion(spoken, offered),
      protocolVersions: spoken,
      capabilities: plugin.info.capabilities ?? [],
      requires: plugin.info.requires ?? [],
      conflictsWith: plugin.info.conflictsWith ?? [],
      hooks: implemented,
      metadata: plugin.info.metadata ?? {},
    };
  });
  serveMethod(peer, Methods.ping, (ping) => ({ payload: ping.payload }));
  for (const name of implemented) serveHook(peer, name, plugin.hooks[name] as Hook<typeof name>);
  return peer;
}

function serveHook<K extends HookName>(peer: RpcPeer, name: K, hook: Hook<K>): void {
  // biome-ignore lint/suspicious/noExplicitAny: the method table and the hook share K, which TypeScript cannot correlate here.
  serveMethod(peer, Methods[name] as any, hook as any);
}
