import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { encodeFrame } from "./framing";
import { EnvelopeSchema, type RpcError } from "./gen/cigen/plugin/v1/plugin_pb";

/**
 * The Envelope codec of the RPC peer. Every frame carries one Envelope, so its cost is paid on
 * every call at both ends; through protobuf-es's reflection it was ~4 µs to encode, ~4 µs to
 * decode and ~2.5 µs to prefix the length (a second copy), about a third of a small call's round
 * trip (a raw pipe echo between two Node processes is ~45 µs on the bench machine). Here an
 * envelope without an error is written straight into its frame, with the same bytes protobuf-es
 * writes, and the common shape of an incoming envelope is read by hand. Anything else (an error,
 * unknown fields, non-ASCII method, an unusual encoding) goes through protobuf-es, so what is
 * accepted or rejected, and with which message, does not change.
 */

/** The fields of an Envelope the peer uses. */
export interface WireEnvelope {
  id: number;
  method: string;
  payload: Uint8Array;
  isResponse: boolean;
  error?: RpcError;
}

const HEADER_BYTES = 4;
// Tags: field number << 3 | wire type (0 varint, 2 length-delimited).
const TAG_ID = (1 << 3) | 0;
const TAG_METHOD = (2 << 3) | 2;
const TAG_PAYLOAD = (3 << 3) | 2;
const TAG_IS_RESPONSE = (5 << 3) | 0;

/** `envelope` as a whole frame: the 4-byte length, then the Envelope's protobuf bytes. */
export function encodeEnvelopeFrame(envelope: WireEnvelope): Uint8Array {
  const { id, method, payload, isResponse, error } = envelope;
  if (error || !isAscii(method)) {
    return encodeFrame(toBinary(EnvelopeSchema, create(EnvelopeSchema, { id, method, payload, isResponse, error })));
  }
  // proto3: a field holding its default value is left out.
  let size = 0;
  if (id !== 0) size += 1 + varintSize(id);
  if (method.length > 0) size += 1 + varintSize(method.length) + method.length;
  if (payload.length > 0) size += 1 + varintSize(payload.length) + payload.length;
  if (isResponse) size += 2;
  // From Node's shared pool for small frames: much cheaper than a fresh Uint8Array.
  const frame = Buffer.allocUnsafe(HEADER_BYTES + size);
  frame.writeUInt32BE(size, 0);
  let at = HEADER_BYTES;
  if (id !== 0) {
    frame[at++] = TAG_ID;
    at = writeVarint(frame, at, id);
  }
  if (method.length > 0) {
    frame[at++] = TAG_METHOD;
    at = writeVarint(frame, at, method.length);
    for (let i = 0; i < method.length; i++) frame[at++] = method.charCodeAt(i);
  }
  if (payload.length > 0) {
    frame[at++] = TAG_PAYLOAD;
    at = writeVarint(frame, at, payload.length);
    frame.set(payload, at);
    at += payload.length;
  }
  if (isResponse) {
    frame[at++] = TAG_IS_RESPONSE;
    frame[at++] = 1;
  }
  return frame;
}

/**
 * The Envelope in `bytes` (one frame's payload). Throws what protobuf-es's fromBinary throws for
 * bytes that are not an Envelope.
 */
export function decodeEnvelope(bytes: Uint8Array): WireEnvelope {
  return readCommonEnvelope(bytes) ?? fromBinary(EnvelopeSchema, bytes);
}

/**
 * Reads an envelope made only of the id, an ASCII method, the payload and the response flag, each
 * encoded the plain way (the shape both ends write); undefined for anything else.
 */
function readCommonEnvelope(bytes: Uint8Array): WireEnvelope | undefined {
  const envelope: WireEnvelope = { id: 0, method: "", payload: EMPTY, isResponse: false };
  const end = bytes.length;
  let at = 0;
  while (at < end) {
    const tag = bytes[at++];
    if (tag === TAG_ID || tag === TAG_IS_RESPONSE) {
      // A uint32 varint: at most 5 bytes, the last holding the top 4 bits.
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= end || shift > 28) return undefined;
        byte = bytes[at++];
        if (shift === 28 && byte > 0x0f) return undefined;
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      if (tag === TAG_ID) envelope.id = value;
      else if (value <= 1) envelope.isResponse = value === 1;
      else return undefined;
    } else if (tag === TAG_METHOD || tag === TAG_PAYLOAD) {
      let length = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= end || shift > 21) return undefined;
        byte = bytes[at++];
        length += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      if (length > end - at) return undefined;
      if (tag === TAG_PAYLOAD) {
        envelope.payload = bytes.subarray(at, at + length);
      } else {
        // Method names are short; a long one would not fit fromCharCode's argument list.
        if (length > MAX_FAST_METHOD) return undefined;
        const method = methodAt(bytes, at, length);
        if (method === undefined) return undefined;
        envelope.method = method;
      }
      at += length;
    } else {
      return undefined;
    }
  }
  return envelope;
}

const EMPTY = new Uint8Array(0);

/**
 * The ASCII method name in `bytes[at, at + length)`, or undefined if it is not ASCII. A connection
 * carries a handful of method names over and over: the last few are kept and compared byte by
 * byte, which is cheaper than building the string again for every frame.
 */
function methodAt(bytes: Uint8Array, at: number, length: number): string | undefined {
  for (const known of recentMethods) {
    if (known.length !== length) continue;
    let i = 0;
    while (i < length && bytes[at + i] === known.charCodeAt(i)) i++;
    if (i === length) return known;
  }
  for (let i = at; i < at + length; i++) if (bytes[i] > 0x7f) return undefined;
  const method = String.fromCharCode.apply(null, bytes.subarray(at, at + length) as unknown as number[]);
  recentMethods.unshift(method);
  if (recentMethods.length > RECENT_METHODS) recentMethods.pop();
  return method;
}

const recentMethods: string[] = [];
const RECENT_METHODS = 8;
const MAX_FAST_METHOD = 1024;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function writeVarint(buffer: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    buffer[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  buffer[at++] = value;
  return at;
}
