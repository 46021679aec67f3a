import type { Readable, Writable } from "node:stream";
import { decodeEnvelope, encodeEnvelopeFrame, type WireEnvelope } from "./envelope-codec";
import { DEFAULT_MAX_FRAME_BYTES, FrameDecoder, FrameError } from "./framing";
import type { RpcError } from "./gen/cigen/plugin/v1/plugin_pb";
import { PeerError } from "./peer-error";

/** Answers one incoming call: request payload in, response payload out. */
export type MethodHandler = (payload: Uint8Array) => Promise<Uint8Array> | Uint8Array;

export interface PeerOptions {
  /** Largest frame accepted from the other side. */
  maxFrameBytes?: number;
}

export interface CallOptions {
  /** Milliseconds before the call fails with kind "timeout"; 0 = wait forever. */
  timeoutMs?: number;
}

interface Pending {
  resolve(payload: Uint8Array): void;
  reject(err: PeerError): void;
  timer?: NodeJS.Timeout;
  method: string;
}

/**
 * One end of a plugin connection: sends calls and matches their responses by id (several may be in
 * flight, answered in any order), and serves calls from the other side with registered handlers.
 * Both the core (calling plugins) and the SDK (serving hooks) use it.
 */
export class RpcPeer {
  private readonly decoder: FrameDecoder;
  private readonly pending = new Map<number, Pending>();
  /** Ids whose caller gave up (timeout): a late answer to them is not a protocol error. */
  private readonly abandoned = new Set<number>();
  private readonly handlers = new Map<string, MethodHandler>();
  private nextId = 1;
  private failure: PeerError | undefined;
  private readonly closeListeners: ((err: PeerError | undefined) => void)[] = [];

  constructor(
    input: Readable,
    private readonly output: Writable,
    options: PeerOptions = {},
  ) {
    this.decoder = new FrameDecoder(options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
    input.on("data", (chunk: Uint8Array) => this.receive(chunk));
    input.on("end", () => this.onEnd());
    input.on("error", (e) => this.fail(new PeerError("closed", `read failed: ${e.message}`)));
    // A write to a process that already exited raises EPIPE asynchronously; the read side reports
    // the real cause, so the write error is only recorded.
    output.on("error", (e) => this.fail(new PeerError("closed", `write failed: ${e.message}`)));
  }

  /** The error that ended the connection, if any. */
  get error(): PeerError | undefined {
    return this.failure;
  }

  /** Registers the handler for incoming calls of `method`. */
  handle(method: string, handler: MethodHandler): void {
    this.handlers.set(method, handler);
  }

  /** Called once when the connection ends: with the error, or undefined on a clean end. */
  onClose(listener: (err: PeerError | undefined) => void): void {
    this.closeListeners.push(listener);
  }

  /** Sends a call and resolves with the response payload. */
  call(method: string, payload: Uint8Array, options: CallOptions = {}): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId = this.nextId >= 0xffffffff ? 1 : this.nextId + 1;
    return new Promise<Uint8Array>((resolve, reject) => {
      const entry: Pending = { resolve, reject, method };
      if (options.timeoutMs && options.timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.pending.delete(id);
          this.abandoned.add(id);
          reject(new PeerError("timeout", `${shortMethod(method)} did not answer within ${options.timeoutMs} ms`));
        }, options.timeoutMs);
      }
      this.pending.set(id, entry);
      this.send({ id, method, payload, isResponse: false });
    });
  }

  /** Ends our side of the stream (the other side sees EOF). */
  end(): void {
    this.output.end();
  }

  private send(envelope: WireEnvelope): void {
    if (this.output.writableEnded || this.output.destroyed) return;
    this.output.write(encodeEnvelopeFrame(envelope));
  }

  private receive(chunk: Uint8Array): void {
    if (this.failure) return;
    let frames: Uint8Array[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      this.fail(toPeerError(e));
      return;
    }
    for (const frame of frames) {
      let envelope: WireEnvelope;
      try {
        envelope = decodeEnvelope(frame);
      } catch (e) {
        this.fail(new PeerError("undecodable", `sent a frame that is not a valid Envelope (${(e as Error).message})`));
        return;
      }
      if (envelope.isResponse) this.settle(envelope);
      else this.serve(envelope);
      if (this.failure) return;
    }
  }

  private settle(envelope: WireEnvelope): void {
    const entry = this.pending.get(envelope.id);
    if (!entry) {
      if (this.abandoned.delete(envelope.id)) return;
      this.fail(new PeerError("unknown-id", `answered call id ${envelope.id}, which no call in flight has`));
      return;
    }
    this.pending.delete(envelope.id);
    if (entry.timer) clearTimeout(entry.timer);
    if (envelope.error) {
      const { code, message } = envelope.error;
      entry.reject(new PeerError("remote", message || code, code));
    } else {
      entry.resolve(envelope.payload);
    }
  }

  /**
   * Runs the handler for an incoming call and sends its answer. A handler that answers
   * synchronously is answered without a trip through the microtask queue.
   */
  private serve(request: WireEnvelope): void {
    const handler = this.handlers.get(request.method);
    if (!handler) {
      this.answer(request, undefined, {
        $typeName: "cigen.plugin.v1.RpcError",
        code: "UNIMPLEMENTED",
        message: `method ${request.method} is not implemented`,
        details: [],
      });
      return;
    }
    let result: ReturnType<MethodHandler>;
    try {
      result = handler(request.payload);
    } catch (e) {
      this.answer(request, undefined, internalError(e));
      return;
    }
    if (isPromiseLike(result)) {
      Promise.resolve(result).then(
        (payload) => this.answer(request, payload),
        (e) => this.answer(request, undefined, internalError(e)),
      );
    } else {
      this.answer(request, result);
    }
  }

  private answer(request: WireEnvelope, payload: Uint8Array | undefined, error?: RpcError): void {
    this.send({ id: request.id, method: request.method, payload: payload ?? NO_BYTES, isResponse: true, error });
  }

  private onEnd(): void {
    try {
      this.decoder.end();
    } catch (e) {
      this.fail(toPeerError(e));
      return;
    }
    this.fail(undefined);
  }

  /** Ends the connection: every call in flight fails with `err` (or "closed"). */
  private fail(err: PeerError | undefined): void {
    if (this.failure) return;
    const cause = err ?? new PeerError("closed", "closed the connection before answering");
    this.failure = cause;
    for (const [id, entry] of this.pending) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.reject(cause);
      this.pending.delete(id);
    }
    for (const listener of this.closeListeners) listener(err);
  }
}

const NO_BYTES = new Uint8Array(0);

function internalError(e: unknown): RpcError {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    $typeName: "cigen.plugin.v1.RpcError",
    code: "INTERNAL",
    message: err.message,
    details: err.stack ? [err.stack] : [],
  };
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === "function";
}

function toPeerError(e: unknown): PeerError {
  if (e instanceof FrameError) return new PeerError(e.kind, e.message);
  return new PeerError("undecodable", (e as Error).message);
}

function shortMethod(method: string): string {
  return method.slice(method.lastIndexOf("/") + 1);
}
