import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUTS } from "../pipeline/pipeline-options";
import { launchAt } from "./discover";
import { PluginHost } from "./plugin-host";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cigen-warm-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real module plugin behind a wrapper that writes a line to `starts` each time it is started. */
function countedPlugin(name: string): { launch: ReturnType<typeof launchAt>; starts: () => number } {
  const log = join(dir, `${name}.starts`);
  writeFileSync(log, "");
  const wrapper = join(dir, name);
  const bundle = join(repoRoot, "plugins/module-lang-go/dist/main.mjs");
  writeFileSync(wrapper, `#!/bin/sh\necho started >> '${log}'\nexec '${process.execPath}' '${bundle}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    launch: launchAt(name, wrapper, "explicit"),
    starts: () => readFileSync(log, "utf8").split("\n").filter(Boolean).length,
  };
}

function host(): PluginHost {
  return new PluginHost({
    search: { explicit: new Map(), repoRoot: dir, bundled: [], path: process.env.PATH },
    coreVersion: "0.0.0-test",
    ...DEFAULT_TIMEOUTS,
    env: { PATH: process.env.PATH },
  });
}

describe("PluginHost.warm", () => {
  it("hands the warmed process to the next start of the same executable, and only to that one", async () => {
    const { launch, starts } = countedPlugin("warm-claimed");
    const h = host();
    h.warm(launch);
    h.warm(launch); // warming twice starts one process
    const first = await h.startLaunch(launch);
    expect(first.plugin?.info.name).toBe("lang/go");
    expect(starts()).toBe(1);
    const second = await h.startLaunch(launch);
    expect(second.plugin).toBeDefined();
    expect(second.plugin).not.toBe(first.plugin);
    expect(starts()).toBe(2);
    expect(await h.shutdown()).toEqual([]);
  });

  it("shuts down a warmed process nobody claimed, even one still starting", async () => {
    const { launch, starts } = countedPlugin("warm-unclaimed");
    const h = host();
    h.warm(launch);
    expect(await h.shutdown()).toEqual([]);
    expect(starts()).toBe(1);
    // Claimed after shutdown: nothing warmed is left, so a start is a new process.
    const late = await h.startLaunch(launch);
    expect(starts()).toBe(2);
    await late.plugin?.shutdown();
  });
});
