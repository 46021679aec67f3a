import { PassThrough } from "node:stream";
import type { MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import { callMethod, type HookName, Methods, PROTOCOL_VERSIONS, RpcPeer } from "@cigen/protocol";
import { connectPlugin } from "./connect";
import type { PluginDefinition } from "./definition";

type M = typeof Methods;

/** An in-process host for unit tests of a plugin: real framing and protobuf, no child process. */
export interface TestHost {
  handshake(): Promise<MessageShape<M["handshake"]["output"]>>;
  call<K extends HookName>(hook: K, request: MessageInitShape<M[K]["input"]>): Promise<MessageShape<M[K]["output"]>>;
  close(): void;
}

/** Connects `plugin` to a host over in-memory streams. */
export function createTestHost(plugin: PluginDefinition): TestHost {
  const toPlugin = new PassThrough();
  const fromPlugin = new PassThrough();
  connectPlugin(plugin, toPlugin, fromPlugin);
  const host = new RpcPeer(fromPlugin, toPlugin);
  return {
    handshake: () => callMethod(host, Methods.handshake, { protocolVersions: PROTOCOL_VERSIONS, coreVersion: "test" }),
    // biome-ignore lint/suspicious/noExplicitAny: K correlates the method and its messages, which TypeScript cannot follow through the table.
    call: (hook, request) => callMethod(host, Methods[hook] as any, request as never) as never,
    close: () => {
      toPlugin.end();
      fromPlugin.end();
    },
  };
}
