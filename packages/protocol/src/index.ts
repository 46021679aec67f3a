/**
 * @cigen/protocol: what both ends of a plugin connection share. Generated messages live under
 * ./gen (rebuilt by `npm run generate:proto`, never edited); this package adds the framing, the RPC
 * peer and the method table.
 */

export { DEFAULT_MAX_FRAME_BYTES, encodeFrame, FrameDecoder, FrameError, type FrameErrorKind } from "./framing";
export * from "./gen/cigen/plugin/v1/model_pb";
export * from "./gen/cigen/plugin/v1/plugin_pb";
export {
  callMethod,
  HOOK_NAMES,
  type HookName,
  type MethodDesc,
  Methods,
  PROTOCOL_VERSIONS,
  serveMethod,
} from "./methods";
export { type CallOptions, type MethodHandler, type PeerOptions, RpcPeer } from "./peer";
export { isPeerError, PeerError, type PeerErrorKind } from "./peer-error";
export { negotiateVersion } from "./version";

import { useShortStringEncoding } from "./short-strings";

// Both ends (the core and every plugin) import this package before encoding anything.
useShortStringEncoding();
