import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { decodeEnvelope, encodeEnvelopeFrame, type WireEnvelope } from "./envelope-codec";
import { encodeFrame } from "./framing";
import { EnvelopeSchema } from "./gen/cigen/plugin/v1/plugin_pb";

/** What the peer wrote before it had its own codec: protobuf-es, then the length prefix. */
function reference(envelope: WireEnvelope): Uint8Array {
  return encodeFrame(toBinary(EnvelopeSchema, create(EnvelopeSchema, envelope)));
}

/** The fields the peer reads, from whichever decoder. */
function fields(envelope: WireEnvelope) {
  const { id, method, payload, isResponse, error } = envelope;
  return {
    id,
    method,
    payload: hex(payload),
    isResponse,
    error: error ? { code: error.code, message: error.message, details: error.details } : undefined,
  };
}

/** The same outcome as fromBinary: equal fields, or the same error message. */
function expectDecodedLikeProtobufEs(bytes: Uint8Array): void {
  let expected: ReturnType<typeof fields> | string;
  try {
    expected = fields(fromBinary(EnvelopeSchema, bytes));
  } catch (e) {
    expected = (e as Error).message;
  }
  let actual: ReturnType<typeof fields> | string;
  try {
    actual = fields(decodeEnvelope(bytes));
  } catch (e) {
    actual = (e as Error).message;
  }
  expect(actual, `bytes ${[...bytes].join(",")}`).toEqual(expected);
}

const bytes = (...values: number[]) => new Uint8Array(values);
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString("hex");
const filled = (length: number) => new Uint8Array(length).map((_, i) => i % 251);

const ENVELOPES: WireEnvelope[] = [];
for (const id of [0, 1, 127, 128, 16_383, 16_384, 2 ** 21, 2 ** 31, 2 ** 32 - 1]) {
  for (const method of ["", "cigen.plugin.v1.Plugin/Ping", "m\u00e9thode/\u65e5\u672c"]) {
    for (const payload of [bytes(), bytes(0), filled(200), filled(70_000)]) {
      for (const isResponse of [false, true]) ENVELOPES.push({ id, method, payload, isResponse });
    }
  }
}
const WITH_ERROR: WireEnvelope = {
  id: 9,
  method: "cigen.plugin.v1.Plugin/Generate",
  payload: bytes(),
  isResponse: true,
  error: { $typeName: "cigen.plugin.v1.RpcError", code: "INTERNAL", message: "kaput", details: ["at x"] },
};

describe("encodeEnvelopeFrame", () => {
  it("writes the bytes protobuf-es writes, length prefix included", () => {
    for (const envelope of [...ENVELOPES, WITH_ERROR]) {
      expect(hex(encodeEnvelopeFrame(envelope))).toBe(hex(reference(envelope)));
    }
  });
});

describe("decodeEnvelope", () => {
  it("reads back every envelope the encoder writes", () => {
    for (const envelope of [...ENVELOPES, WITH_ERROR]) {
      const frame = encodeEnvelopeFrame(envelope);
      expect(fields(decodeEnvelope(frame.subarray(4)))).toEqual(fields(fromBinary(EnvelopeSchema, frame.subarray(4))));
    }
  });

  it("agrees with protobuf-es on unusual but valid encodings", () => {
    const cases = [
      bytes(0x28, 1, 0x1a, 1, 7, 0x12, 1, 0x6d, 0x08, 5), // fields in reverse order
      bytes(0x08, 1, 0x08, 2), // a repeated field: the last one wins
      bytes(0x08, 0x81, 0x00), // a varint longer than it needs to be
      bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0x0f), // the largest uint32
      bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), // ten bytes (a negative int32)
      bytes(0x28, 2), // a bool written as 2
      bytes(0x30, 1, 0x08, 3), // an unknown field
      bytes(0x88, 0x00, 3), // field 1 with a two-byte tag
      bytes(0x12, 2, 0xc3, 0xa9), // a non-ASCII method
      bytes(0x22, 0), // an empty error
    ];
    for (const c of cases) expectDecodedLikeProtobufEs(c);
  });

  it("rejects what protobuf-es rejects, with its message", () => {
    const cases = [
      bytes(0x08), // varint cut short
      bytes(0x08, 0x80), // varint cut short
      bytes(0x12, 5, 0x61), // string longer than the frame
      bytes(0x1a, 0x80, 0x80, 0x80, 0x80, 0x10), // length far beyond the frame
      bytes(0x00, 1), // field number 0
      bytes(0x0f), // wire type 7
      bytes(0x12, 1, 0xff), // invalid UTF-8 in the method
    ];
    for (const c of cases) expectDecodedLikeProtobufEs(c);
  });

  it("agrees with protobuf-es on random bytes", () => {
    let seed = 12_345;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    // Mostly the tags and small lengths of a real envelope, so the fast path is exercised.
    const alphabet = [0x08, 0x12, 0x1a, 0x22, 0x28, 0, 1, 2, 3, 0x61, 0x7f, 0x80, 0xff, 0xc3, 0xa9];
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 12);
      const b = new Uint8Array(length);
      for (let j = 0; j < length; j++) b[j] = alphabet[Math.floor(random() * alphabet.length)];
      expectDecodedLikeProtobufEs(b);
    }
  });
});
