import { PassThrough } from "node:stream";
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { encodeFrame } from "./framing";
import { EnvelopeSchema } from "./gen/cigen/plugin/v1/plugin_pb";
import { RpcPeer } from "./peer";

function pair() {
  const aToB = new PassThrough();
  const bToA = new PassThrough();
  return { a: new RpcPeer(bToA, aToB), b: new RpcPeer(aToB, bToA) };
}

/** A peer whose other side is raw streams the test writes to by hand. */
function alone() {
  const bToA = new PassThrough();
  return { a: new RpcPeer(bToA, new PassThrough()), bToA };
}

const text = (s: string) => new TextEncoder().encode(s);
const str = (b: Uint8Array) => new TextDecoder().decode(b);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("RpcPeer", () => {
  it("matches responses that arrive out of order to their calls", async () => {
    const { a, b } = pair();
    b.handle("slow", async (p) => {
      await sleep(30);
      return text(`slow:${str(p)}`);
    });
    b.handle("fast", (p) => text(`fast:${str(p)}`));
    const order: string[] = [];
    const slow = a.call("slow", text("1")).then((r) => order.push(str(r)));
    const fast = a.call("fast", text("2")).then((r) => order.push(str(r)));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["fast:2", "slow:1"]);
  });

  it("answers an unknown method with UNIMPLEMENTED", async () => {
    const { a } = pair();
    await expect(a.call("nope", text(""))).rejects.toMatchObject({ kind: "remote", code: "UNIMPLEMENTED" });
  });

  it("turns a handler's exception into an INTERNAL error for the caller", async () => {
    const { a, b } = pair();
    b.handle("boom", () => {
      throw new Error("kaput");
    });
    await expect(a.call("boom", text(""))).rejects.toMatchObject({
      kind: "remote",
      code: "INTERNAL",
      message: "kaput",
    });
  });

  it("fails a call that exceeds its timeout, and ignores the late answer", async () => {
    const { a, b } = pair();
    b.handle("late", async () => {
      await sleep(60);
      return text("late");
    });
    await expect(a.call("late", text(""), { timeoutMs: 10 })).rejects.toMatchObject({ kind: "timeout" });
    await sleep(80);
    expect(a.error).toBeUndefined();
  });

  it("fails every call in flight when the other side closes", async () => {
    const { a, bToA } = alone();
    const call = a.call("never", text(""));
    bToA.end();
    await expect(call).rejects.toMatchObject({ kind: "closed" });
  });

  it("treats a response to an unknown id as a fatal protocol error", async () => {
    const { a, bToA } = alone();
    const call = a.call("x", text(""));
    const bogus = create(EnvelopeSchema, { id: 999, isResponse: true, payload: text("?") });
    bToA.write(encodeFrame(toBinary(EnvelopeSchema, bogus)));
    await expect(call).rejects.toMatchObject({ kind: "unknown-id" });
    expect(a.error?.fatal).toBe(true);
  });

  it("treats a frame that is not an Envelope as a fatal protocol error", async () => {
    const { a, bToA } = alone();
    const call = a.call("x", text(""));
    bToA.write(encodeFrame(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff])));
    await expect(call).rejects.toMatchObject({ kind: "undecodable" });
  });
});
