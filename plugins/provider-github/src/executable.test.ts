import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { callMethod, Methods, PROTOCOL_VERSIONS, RpcPeer } from "@cigen/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { richModel } from "./test-models";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/main.mjs", import.meta.url));

let child: ChildProcess;
let peer: RpcPeer;

beforeAll(() => {
  const started = Date.now();
  // Other workspaces may fail to bundle while they are being written; this test needs only ours.
  spawnSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, stdio: "ignore" });
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < started - 1000) throw new Error(`${bundle} was not rebuilt`);
  child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "pipe"] });
  peer = new RpcPeer(child.stdout!, child.stdin!);
});

afterAll(() => {
  if (child.exitCode === null) child.kill();
});

describe("the cigen-provider-github executable", () => {
  it("answers the handshake and Generate over its stdio, then exits 0 when stdin closes", async () => {
    const info = await callMethod(peer, Methods.handshake, {
      protocolVersions: PROTOCOL_VERSIONS,
      coreVersion: "test",
    });
    expect(info.capabilities).toEqual(["provider:github"]);
    expect(info.version).toBe("0.1.0");

    const response = await callMethod(peer, Methods.generate, { target: "github", model: richModel() });
    expect(response.diagnostics).toEqual([]);
    expect(response.fragments.map((f) => f.path)).toEqual([
      ".github/workflows/ci.yml",
      ".github/workflows/release.yml",
    ]);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.stdin!.end();
    expect(await exited).toBe(0);
  });
});
