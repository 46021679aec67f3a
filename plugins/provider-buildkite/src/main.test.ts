import { execFileSync, spawn } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { callMethod, Methods, PROTOCOL_VERSIONS, RpcPeer } from "@cigen/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { richModel } from "./rich-model";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/main.mjs", import.meta.url));

describe("the bundled cigen-provider-buildkite executable", () => {
  beforeAll(() => {
    const started = Date.now();
    try {
      execFileSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, stdio: "inherit" });
    } catch (error) {
      // The build bundles every workspace; another one failing must not hide this bundle, which
      // counts as built when it was written just now.
      if (statSync(bundle).mtimeMs < started - 1000) throw error;
    }
  });

  it("answers Generate over stdio with a valid pipeline", async () => {
    const child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "inherit"] });
    const peer = new RpcPeer(child.stdout, child.stdin);
    const info = await callMethod(peer, Methods.handshake, {
      protocolVersions: PROTOCOL_VERSIONS,
      coreVersion: "test",
    });
    expect(info.capabilities).toEqual(["provider:buildkite"]);
    const res = await callMethod(peer, Methods.generate, { target: "buildkite", model: richModel() });
    child.stdin.end();
    const exit = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(exit).toBe(0);
    const findings = await validateFiles("buildkite", [{ file: "pipeline.yml", text: res.fragments[0].content }]);
    expect(formatFindings(findings)).toBe("");
  });
});
