import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { configureTextEncoding, getTextEncoding } from "@bufbuild/protobuf/wire";
import { describe, expect, it } from "vitest";
import { LocSchema, TextSchema } from "./index";

/** Encodes with plain TextEncoder/TextDecoder, as protobuf-es does by default. */
function withDefaultEncoding<T>(run: () => T): T {
  const installed = getTextEncoding();
  configureTextEncoding({
    encodeUtf8: (text) => new TextEncoder().encode(text),
    decodeUtf8: (bytes) => new TextDecoder().decode(bytes),
    checkUtf8: installed.checkUtf8,
  });
  try {
    return run();
  } finally {
    configureTextEncoding(installed);
  }
}

describe("short-string UTF-8", () => {
  it.each([
    ["empty", ""],
    ["ascii", "jobs"],
    ["non-ascii", "tést ✓ 😀"],
    ["long ascii", "x".repeat(500)],
    ["long non-ascii", "é".repeat(100)],
    ["control characters", "a\u0000b\u007f"],
  ])("round-trips %s strings byte-identically to TextEncoder", (_name, value) => {
    const loc = create(LocSchema, { file: value, path: [value, "steps", "0"] });
    const bytes = toBinary(LocSchema, loc);
    expect(bytes).toEqual(withDefaultEncoding(() => toBinary(LocSchema, loc)));
    expect(fromBinary(LocSchema, bytes)).toMatchObject({ file: value, path: [value, "steps", "0"] });
  });

  it("still refuses invalid UTF-8 in strings", () => {
    // Field 1 (parts) of Text is a message: a Segment whose literal (field 1) holds 0xff.
    const bad = new Uint8Array([0x0a, 0x03, 0x0a, 0x01, 0xff]);
    expect(() => fromBinary(TextSchema, bad)).toThrow();
  });
});
