import { fileURLToPath } from "node:url";
import { rebuildBundle, startBundle } from "@cigen/provider-kit/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { richModel } from "./rich-model";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/main.mjs", import.meta.url));

describe("the bundled cigen-provider-circleci executable", () => {
  beforeAll(() => rebuildBundle(root, bundle));

  it("answers Generate over stdio with a valid config", async () => {
    const plugin = startBundle(bundle);
    const info = await plugin.handshake();
    expect(info.capabilities).toEqual(["provider:circleci"]);
    const res = await plugin.generate({ target: "circleci", model: richModel() });
    expect(await plugin.close()).toBe(0);
    const findings = await validateFiles("circleci", [{ file: "config.yml", text: res.fragments[0].content }]);
    expect(formatFindings(findings)).toBe("");
  });
});
