/**
 * Round trip of a small call to a running plugin (framing + protobuf at both ends), next to the
 * floor it is judged against: the same number of bytes echoed through a pipe by another Node
 * process. The two are timed in alternating blocks of calls, so both see the same machine load:
 * on a busy 2-core machine, timing all of one and then all of the other swung the ratio between
 * 1.3 and 2.5, and alternating single calls made every call a cold wake-up of its process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { create, toBinary } from "@bufbuild/protobuf";
import {
  callMethod,
  EnvelopeSchema,
  encodeFrame,
  Methods,
  PingSchema,
  PROTOCOL_VERSIONS,
  RpcPeer,
} from "@cigen/protocol";
import { median } from "./measure";

const CALLS = 3000;
const BLOCK = 100;
/** Samples left out at the start, while the JIT warms up. */
const WARMUP = 200;
/** Ping's payload: small, like most calls' answers (a verdict, a signature, a short list). */
const PING_PAYLOAD = new Uint8Array(16).fill(7);

/** Bytes of one Ping call on the wire (frame header, envelope, request): what the echo sends. */
export function pingFrameBytes(): number {
  const request = toBinary(PingSchema, create(PingSchema, { payload: PING_PAYLOAD }));
  const envelope = create(EnvelopeSchema, { id: CALLS, method: Methods.ping.name, payload: request });
  return encodeFrame(toBinary(EnvelopeSchema, envelope)).length;
}

/** Median milliseconds from starting the plugin to its answered Handshake. */
export async function spawnHandshake(bundle: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const { peer, child } = startPlugin(bundle);
    await handshake(peer);
    samples.push(performance.now() - t);
    peer.end();
    await exited(child);
  }
  return median(samples.slice(1));
}

/** Median milliseconds of one Ping call and of one raw echo of as many bytes, timed in turns. */
export async function pingAndEcho(bundle: string, bytes: number): Promise<{ pingMs: number; echoMs: number }> {
  const { peer, child } = startPlugin(bundle);
  await handshake(peer);
  const echo = startEcho(bytes);
  const pings: number[] = [];
  const echoes: number[] = [];
  for (let block = 0; block < CALLS / BLOCK; block++) {
    for (let i = 0; i < BLOCK; i++) {
      const t = performance.now();
      await callMethod(peer, Methods.ping, { payload: PING_PAYLOAD });
      pings.push(performance.now() - t);
    }
    for (let i = 0; i < BLOCK; i++) {
      const t = performance.now();
      await echo.roundTrip();
      echoes.push(performance.now() - t);
    }
  }
  peer.end();
  await Promise.all([exited(child), echo.stop()]);
  return { pingMs: median(pings.slice(WARMUP)), echoMs: median(echoes.slice(WARMUP)) };
}

function startPlugin(bundle: string) {
  const child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "inherit"] });
  return { child, peer: new RpcPeer(child.stdout, child.stdin) };
}

function handshake(peer: RpcPeer) {
  return callMethod(peer, Methods.handshake, { protocolVersions: PROTOCOL_VERSIONS, coreVersion: "bench" });
}

function exited(child: ChildProcess): Promise<unknown> {
  return child.exitCode === null ? new Promise((r) => child.once("exit", r)) : Promise.resolve();
}

/** A Node process that echoes its stdin: `roundTrip` sends `bytes` bytes and waits for them back. */
function startEcho(bytes: number) {
  const child = spawn(process.execPath, ["-e", "process.stdin.pipe(process.stdout)"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const payload = Buffer.alloc(bytes, 7);
  let pending: (() => void) | undefined;
  let received = 0;
  child.stdout.on("data", (d: Buffer) => {
    received += d.length;
    if (received >= bytes && pending) {
      received -= bytes;
      const done = pending;
      pending = undefined;
      done();
    }
  });
  return {
    roundTrip: () =>
      new Promise<void>((resolve) => {
        pending = resolve;
        child.stdin.write(payload);
      }),
    stop: () => {
      child.stdin.end();
      return exited(child);
    },
  };
}
