import type { FrameErrorKind } from "./framing";

/** Why a call or the whole connection failed. */
export type PeerErrorKind =
  | FrameErrorKind
  /** A frame that is not a valid Envelope. */
  | "undecodable"
  /** A response whose id matches no call in flight. */
  | "unknown-id"
  /** The other side closed its stream (or exited) before answering. */
  | "closed"
  /** No answer within the call's timeout. */
  | "timeout"
  /** The other side answered with an RpcError. */
  | "remote";

/** A failed call or a broken connection. `fatal` errors end the connection. */
export class PeerError extends Error {
  override readonly name = "PeerError";
  constructor(
    readonly kind: PeerErrorKind,
    message: string,
    /** The RpcError code, for kind "remote" (e.g. "UNIMPLEMENTED"). */
    readonly code = "",
  ) {
    super(message);
  }

  /** True when the connection cannot be used after this error. */
  get fatal(): boolean {
    return this.kind !== "timeout" && this.kind !== "remote";
  }
}

/** Type guard that survives bundling (checks the name, not the class identity). */
export function isPeerError(e: unknown): e is PeerError {
  return e instanceof Error && e.name === "PeerError";
}
