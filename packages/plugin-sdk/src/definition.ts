import type { MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import type { HookName, Methods } from "@cigen/protocol";

type M = typeof Methods;

/** A hook: the request message in, the response (or a plain object shaped like it) out. */
export type Hook<K extends HookName> = (
  request: MessageShape<M[K]["input"]>,
) => Promise<MessageInitShape<M[K]["output"]>> | MessageInitShape<M[K]["output"]>;

/** Everything a plugin implements; every hook is optional. */
export type Hooks = { [K in HookName]?: Hook<K> };

/** What the plugin says about itself in the handshake. */
export interface PluginInfoInit {
  name: string;
  version: string;
  capabilities?: string[];
  requires?: string[];
  conflictsWith?: string[];
  metadata?: Record<string, string>;
  /** Protocol versions spoken; defaults to the range of the SDK build. */
  protocolVersions?: { min: number; max: number };
}

/** A plugin: a plain object of identity and named hooks, as a Rollup or Vite plugin is. */
export interface PluginDefinition {
  info: PluginInfoInit;
  hooks: Hooks;
}
