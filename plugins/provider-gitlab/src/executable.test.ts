import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { callMethod, Methods, PROTOCOL_VERSIONS, RpcPeer } from "@cigen/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { job, model } from "./test-models";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/main.mjs", import.meta.url));

describe("the bundled cigen-provider-gitlab executable", () => {
  beforeAll(() => {
    // Other workspaces may be mid-edit; only a failure of this bundle stops the test.
    const build = spawnSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0 && build.stderr.includes("@cigen/provider-gitlab")) throw new Error(build.stderr);
  });

  it("answers Handshake and Generate over stdio", async () => {
    const child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "inherit"] });
    const peer = new RpcPeer(child.stdout, child.stdin);
    try {
      const info = await callMethod(peer, Methods.handshake, {
        protocolVersions: PROTOCOL_VERSIONS,
        coreVersion: "test",
      });
      expect(info.capabilities).toEqual(["provider:gitlab"]);
      const response = await callMethod(peer, Methods.generate, {
        target: "gitlab",
        model: model([job("build"), job("test", { needs: ["build"] })]),
      });
      expect(response.diagnostics).toEqual([]);
      expect(response.fragments.map((f) => f.path)).toEqual([".gitlab-ci.yml"]);
      expect(response.fragments[0].content).toContain(
        "test:\n  stage: stage-2\n  needs:\n    - job: build\n      artifacts: false\n",
      );
    } finally {
      child.stdin.end();
    }
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
  });
});
