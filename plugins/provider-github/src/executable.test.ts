import { fileURLToPath } from "node:url";
import { rebuildBundle, startBundle } from "@cigen/provider-kit/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { richModel } from "./test-models";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/main.mjs", import.meta.url));

describe("the cigen-provider-github executable", () => {
  beforeAll(() => rebuildBundle(root, bundle));

  it("answers the handshake and Generate over its stdio, then exits 0 when stdin closes", async () => {
    const plugin = startBundle(bundle);
    const info = await plugin.handshake();
    expect(info.capabilities).toEqual(["provider:github"]);
    expect(info.version).toBe("0.1.0");

    const response = await plugin.generate({ target: "github", model: richModel() });
    expect(response.diagnostics).toEqual([]);
    expect(response.fragments.map((f) => f.path)).toEqual([
      ".github/workflows/ci.yml",
      ".github/workflows/release.yml",
    ]);

    expect(await plugin.close()).toBe(0);
  });
});
