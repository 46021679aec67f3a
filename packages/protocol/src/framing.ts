/**
 * Length-prefixed framing: every message is a 4-byte unsigned big-endian length N followed by N
 * bytes of a protobuf Envelope. The decoder is incremental so a frame may arrive in any number of
 * chunks, and several frames may arrive in one chunk.
 */

/** Default largest frame accepted, in bytes (16 MiB, as the protocol spec says). */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

const HEADER_BYTES = 4;

/** Why a byte stream stopped being a valid frame stream. */
export type FrameErrorKind = "oversized" | "truncated" | "not-a-frame";

/** A framing failure: the stream cannot be trusted after it and must be closed. */
export class FrameError extends Error {
  override readonly name = "FrameError";
  constructor(
    readonly kind: FrameErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Prefixes `payload` with its length. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(HEADER_BYTES + payload.length);
  new DataView(frame.buffer).setUint32(0, payload.length, false);
  frame.set(payload, HEADER_BYTES);
  return frame;
}

/**
 * Splits a byte stream into frame payloads. `push` returns the complete payloads found so far and
 * throws a FrameError as soon as the stream is known to be bad, without waiting for more input.
 */
export class FrameDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private failed = false;

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Bytes received that do not yet form a whole frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    if (this.failed) return [];
    if (chunk.length === 0) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Uint8Array[] = [];
    while (this.buffered >= HEADER_BYTES) {
      const header = this.peek(HEADER_BYTES);
      // Big-endian; `>>> 0` keeps the top bit from making it negative.
      const length = ((header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3]) >>> 0;
      if (length > this.maxFrameBytes) {
        this.failed = true;
        throw oversizedOrText(header, length, this.maxFrameBytes);
      }
      if (this.buffered < HEADER_BYTES + length) break;
      this.take(HEADER_BYTES);
      frames.push(this.take(length));
    }
    return frames;
  }

  /** Call at end of stream: a partial frame left over is an error. */
  end(): void {
    if (this.failed || this.buffered === 0) return;
    this.failed = true;
    const head = this.peek(Math.min(this.buffered, 64));
    if (looksLikeText(head)) {
      throw new FrameError("not-a-frame", `wrote text instead of frames: ${quoteText(head)}`);
    }
    throw new FrameError("truncated", `stream ended inside a frame (${this.buffered} byte(s) of an unfinished frame)`);
  }

  /** Copies the first n buffered bytes without consuming them. */
  private peek(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first.length >= n) return first.subarray(0, n);
    const out = new Uint8Array(n);
    let offset = 0;
    for (const c of this.chunks) {
      const part = c.subarray(0, n - offset);
      out.set(part, offset);
      offset += part.length;
      if (offset === n) break;
    }
    return out;
  }

  /** Removes and returns the first n buffered bytes. */
  private take(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return first.subarray(0, n);
    }
    if (first.length === n) {
      this.chunks.shift();
      this.buffered -= n;
      return first;
    }
    const out = new Uint8Array(n);
    let offset = 0;
    while (offset < n) {
      const c = this.chunks[0];
      const need = n - offset;
      if (c.length <= need) {
        out.set(c, offset);
        offset += c.length;
        this.chunks.shift();
      } else {
        out.set(c.subarray(0, need), offset);
        this.chunks[0] = c.subarray(need);
        offset += need;
      }
    }
    this.buffered -= n;
    return out;
  }
}

function oversizedOrText(header: Uint8Array, length: number, max: number): FrameError {
  // A plugin that prints to stdout (console.log, a stray debug line) produces a "length" made of
  // ASCII letters; saying so is far more useful than quoting a 1.7 GB frame size.
  if (looksLikeText(header)) {
    return new FrameError("not-a-frame", `wrote text instead of frames: ${quoteText(header)}`);
  }
  return new FrameError("oversized", `sent a frame of ${length} bytes, above the ${max}-byte limit`);
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  return bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
}

function quoteText(bytes: Uint8Array): string {
  return JSON.stringify(Buffer.from(bytes).toString("latin1"));
}
