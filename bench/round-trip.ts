/**
 * Round trip of a small call to a running plugin (framing + protobuf at both ends), next to the
 * floor it is judged against: the same number of bytes echoed through a pipe by another Node
 * process, measured in the same run.
 */
import { spawn } from "node:child_process";
import { callMethod, Methods, PROTOCOL_VERSIONS, RpcPeer } from "@cigen/protocol";
import { median } from "./measure";

const CALLS = 3000;

/** Median milliseconds of one Handshake call (a small request and answer) to a live plugin. */
export async function pluginRoundTrip(bundle: string): Promise<{ spawnHandshakeMs: number; roundTripMs: number }> {
  const spawnSamples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const { peer, child } = startPlugin(bundle);
    await callMethod(peer, Methods.handshake, { protocolVersions: PROTOCOL_VERSIONS, coreVersion: "bench" });
    spawnSamples.push(performance.now() - t);
    peer.end();
    await new Promise((r) => child.once("exit", r));
  }
  const { peer, child } = startPlugin(bundle);
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await callMethod(peer, Methods.handshake, { protocolVersions: PROTOCOL_VERSIONS, coreVersion: "bench" });
    samples.push(performance.now() - t);
  }
  peer.end();
  await new Promise((r) => child.once("exit", r));
  return { spawnHandshakeMs: median(spawnSamples.slice(1)), roundTripMs: median(samples.slice(200)) };
}

function startPlugin(bundle: string) {
  const child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "inherit"] });
  return { child, peer: new RpcPeer(child.stdout, child.stdin) };
}

/** Median milliseconds for `bytes` bytes to go to a Node echo process and back. */
export async function rawPipeEcho(bytes: number): Promise<number> {
  const child = spawn(process.execPath, ["-e", "process.stdin.pipe(process.stdout)"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const payload = Buffer.alloc(bytes, 7);
  const samples: number[] = [];
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
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      pending = resolve;
      child.stdin.write(payload);
    });
    samples.push(performance.now() - t);
  }
  child.stdin.end();
  await new Promise((r) => child.once("exit", r));
  return median(samples.slice(200));
}
