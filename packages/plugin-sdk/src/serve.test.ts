import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { callMethod, Methods, PROTOCOL_VERSIONS, RpcPeer } from "@cigen/protocol";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "cigen-sdk-"));
const bundle = join(dir, "chatty.mjs");
beforeAll(async () => {
  await build({
    entryPoints: [fileURLToPath(new URL("../test-fixtures/chatty-plugin.ts", import.meta.url))],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start() {
  const child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { peer: new RpcPeer(child.stdout, child.stdin), stderr: () => stderr, exited };
}

describe("servePlugin in a real process", () => {
  it("answers the handshake with its info and the hooks it implements", async () => {
    const p = start();
    const info = await callMethod(p.peer, Methods.handshake, { protocolVersions: PROTOCOL_VERSIONS, coreVersion: "t" });
    expect(info).toMatchObject({
      name: "chatty",
      version: "1.2.3",
      protocol: 1,
      capabilities: ["provider:chatty"],
      hooks: ["generate"],
    });
    p.peer.end();
    expect(await p.exited).toBe(0);
  });

  it("sends console.log and stray stdout writes to stderr, keeping the frames intact", async () => {
    const p = start();
    const res = await callMethod(p.peer, Methods.generate, { target: "x" });
    expect(res.fragments[0]).toMatchObject({ path: "out.txt", content: "target=x" });
    p.peer.end();
    expect(await p.exited).toBe(0);
    expect(p.stderr()).toContain("console.log from generate");
    expect(p.stderr()).toContain("process.stdout.write from generate");
  });

  it("answers a hook it does not implement with UNIMPLEMENTED", async () => {
    const p = start();
    await expect(callMethod(p.peer, Methods.detect, { root: "/" })).rejects.toMatchObject({ code: "UNIMPLEMENTED" });
    p.peer.end();
    await p.exited;
  });

  it("reports no common protocol version as 0 with its own range", async () => {
    const p = start();
    const info = await callMethod(p.peer, Methods.handshake, {
      protocolVersions: { min: 5, max: 6 },
      coreVersion: "t",
    });
    expect(info.protocol).toBe(0);
    expect(info.protocolVersions).toMatchObject({ min: 1, max: 1 });
    p.peer.end();
    await p.exited;
  });
});
