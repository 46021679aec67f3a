// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
import { describe, expect, it } from "vitest";
import { cacheSteps } from "./caches";
import { CACHE_WITHOUT_PATHS } from "./codes";
import { job, text } from "./test-models";

describe("cacheSteps", () => {
  it("writes one actions/cache step per cache with rendered keys", () => {
    const { steps, diagnostics } = cacheSteps(
      job("a", {
        caches: [
          {
            name: "node",
            key: text({ platform: "os" }, "-", { platform: "arch" }, "-npm-", { checksum: "package-lock.json" }),
            restoreKeys: [text({ platform: "os" }, "-npm-"), text("npm-")],
            paths: ["~/.npm", "node_modules"],
          },
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        name: "Cache node",
        uses: "actions/cache@v4",
        with: {
          path: "~/.npm\nnode_modules",
          key: "${{ runner.os }}-${{ runner.arch }}-npm-${{ hashFiles('package-lock.json') }}",
          "restore-keys": "${{ runner.os }}-npm-\nnpm-",
        },
      },
    ]);
  });

  it("refuses a cache without paths", () => {
    const { steps, diagnostics } = cacheSteps(job("a", { caches: [{ name: "x", key: text("k") }] }));
    expect(steps).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual([CACHE_WITHOUT_PATHS]);
    expect(diagnostics[0].message).toContain('cache "x"');
  });
});
