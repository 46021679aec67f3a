import { fileURLToPath } from "node:url";
import { job, modelOf, rebuildBundle, startBundle } from "@cigen/provider-kit/testing";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/main.mjs", import.meta.url));

describe("the bundled cigen-provider-gitlab executable", () => {
  beforeAll(() => rebuildBundle(root, bundle));

  it("answers Handshake and Generate over stdio", async () => {
    const plugin = startBundle(bundle);
    try {
      const info = await plugin.handshake();
      expect(info.capabilities).toEqual(["provider:gitlab"]);
      const response = await plugin.generate({
        target: "gitlab",
        model: modelOf([job("build"), job("test", { needs: ["build"] })]),
      });
      expect(response.diagnostics).toEqual([]);
      expect(response.fragments.map((f) => f.path)).toEqual([".gitlab-ci.yml"]);
      expect(response.fragments[0].content).toContain(
        "test:\n  stage: stage-2\n  needs:\n    - job: build\n      artifacts: false\n",
      );
    } finally {
      expect(await plugin.close()).toBe(0);
    }
  });
});
