import type { DescMessage, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import { decodeMessage, encodeInit } from "./codec";
import {
  DetectResponseSchema,
  GenerateRequestSchema,
  GenerateResponseSchema,
  HelloSchema,
  PingSchema,
  PlanRequestSchema,
  PlanResponseSchema,
  PluginInfoSchema,
  PreflightRequestSchema,
  PreflightResponseSchema,
  RepoSnapshotSchema,
  StoreHistoryRequestSchema,
  StoreHistoryResponseSchema,
  StoreLookupRequestSchema,
  StoreLookupResponseSchema,
  StoreRecordRequestSchema,
  StoreRecordResponseSchema,
  ValidateRequestSchema,
  ValidateResponseSchema,
} from "./gen/cigen/plugin/v1/plugin_pb";
import type { CallOptions, RpcPeer } from "./peer";

/** The protocol versions this build speaks (inclusive). */
export const PROTOCOL_VERSIONS = { min: 1, max: 1 } as const;

const SERVICE = "cigen.plugin.v1.Plugin";

/** One RPC: its wire name and the messages it carries. */
export interface MethodDesc<I extends DescMessage, O extends DescMessage> {
  readonly name: string;
  readonly input: I;
  readonly output: O;
}

function method<I extends DescMessage, O extends DescMessage>(name: string, input: I, output: O): MethodDesc<I, O> {
  return { name: `${SERVICE}/${name}`, input, output };
}

/** Every method of the protocol. Hooks are optional for a plugin; Handshake is not. */
export const Methods = {
  handshake: method("Handshake", HelloSchema, PluginInfoSchema),
  // Served by the SDK for every plugin: the protocol's smallest round trip.
  ping: method("Ping", PingSchema, PingSchema),
  detect: method("Detect", RepoSnapshotSchema, DetectResponseSchema),
  plan: method("Plan", PlanRequestSchema, PlanResponseSchema),
  generate: method("Generate", GenerateRequestSchema, GenerateResponseSchema),
  validate: method("Validate", ValidateRequestSchema, ValidateResponseSchema),
  preflight: method("Preflight", PreflightRequestSchema, PreflightResponseSchema),
  storeLookup: method("StoreLookup", StoreLookupRequestSchema, StoreLookupResponseSchema),
  storeRecord: method("StoreRecord", StoreRecordRequestSchema, StoreRecordResponseSchema),
  storeHistory: method("StoreHistory", StoreHistoryRequestSchema, StoreHistoryResponseSchema),
} as const;

/** The hook names a plugin may implement, in pipeline order. */
export type HookName = Exclude<keyof typeof Methods, "handshake" | "ping">;
export const HOOK_NAMES: readonly HookName[] = [
  "detect",
  "plan",
  "generate",
  "validate",
  "preflight",
  "storeLookup",
  "storeRecord",
  "storeHistory",
];

/** Calls `desc` on `peer` with a typed request and decodes the typed response. */
export async function callMethod<I extends DescMessage, O extends DescMessage>(
  peer: RpcPeer,
  desc: MethodDesc<I, O>,
  request: MessageInitShape<I>,
  options?: CallOptions,
): Promise<MessageShape<O>> {
  const payload = encodeInit(desc.input, request);
  const response = await peer.call(desc.name, payload, options);
  return decodeMessage(desc.output, response);
}

/**
 * Serves `desc` on `peer` with a typed handler. A synchronous handler's answer is encoded and
 * returned synchronously, so the peer can send it without waiting for a microtask.
 */
export function serveMethod<I extends DescMessage, O extends DescMessage>(
  peer: RpcPeer,
  desc: MethodDesc<I, O>,
  handler: (request: MessageShape<I>) => Promise<MessageInitShape<O>> | MessageInitShape<O>,
): void {
  const encode = (response: MessageInitShape<O>) => encodeInit(desc.output, response);
  peer.handle(desc.name, (payload) => {
    const response = handler(decodeMessage(desc.input, payload));
    if (typeof (response as PromiseLike<unknown>).then === "function") {
      return Promise.resolve(response).then(encode);
    }
    return encode(response as MessageInitShape<O>);
  });
}
