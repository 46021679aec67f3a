import { describe, expect, it } from "vitest";
import { encodeFrame, FrameDecoder, FrameError } from "./framing";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("FrameDecoder", () => {
  it("returns a frame split across many chunks only once it is whole", () => {
    const frame = encodeFrame(bytes(1, 2, 3, 4, 5));
    const decoder = new FrameDecoder();
    const out: Uint8Array[] = [];
    for (const b of frame) out.push(...decoder.push(bytes(b)));
    expect(out).toEqual([bytes(1, 2, 3, 4, 5)]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it("returns several frames that arrive in one chunk, in order", () => {
    const joined = new Uint8Array([...encodeFrame(bytes(7)), ...encodeFrame(bytes()), ...encodeFrame(bytes(8, 9))]);
    expect(new FrameDecoder().push(joined)).toEqual([bytes(7), bytes(), bytes(8, 9)]);
  });

  it("rejects a frame above the limit as soon as its header arrives", () => {
    const decoder = new FrameDecoder(16);
    const header = bytes(0, 0, 0, 17);
    expect(() => decoder.push(header)).toThrowError(/17 bytes, above the 16-byte limit/);
  });

  it("names text written instead of frames", () => {
    const decoder = new FrameDecoder();
    try {
      decoder.push(new TextEncoder().encode("hello world\n"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FrameError);
      expect((e as FrameError).kind).toBe("not-a-frame");
      expect((e as FrameError).message).toContain('"hell"');
    }
  });

  it("reports a frame cut short by the end of the stream", () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeFrame(bytes(1, 2, 3, 4, 5, 6, 7, 8)).subarray(0, 7));
    expect(() => decoder.end()).toThrowError(/ended inside a frame \(7 byte/);
  });

  it("accepts a clean end of stream", () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeFrame(bytes(1)));
    expect(() => decoder.end()).not.toThrow();
  });
});
