/**
 * The dir store through the real bundled plugin (cigen-store-dir), started by openStore on a real
 * PluginHost: the shared store contract, its file layout, concurrent writers and its failures.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "./store-client";
import { storeContract } from "./store-contract";
import { recordOf, repoRoot, sig, testHost } from "./store-test-host";

const repo = mkdtempSync(join(tmpdir(), "cigen-store-dir-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const host = testHost();

function dirSpec(settings: Record<string, unknown>) {
  return create(SkipStoreSchema, { type: "dir", settingsJson: JSON.stringify(settings) });
}

async function openDir(settings: Record<string, unknown>, onHost = host) {
  const opened = await openStore(dirSpec(settings), onHost, { repoRoot: repo });
  expect(opened.diagnostics).toEqual([]);
  return opened.store!;
}

describe("the dir store", () => {
  storeContract((prefix) => openDir({ path: ".cigen-cache", prefix }));

  it("keeps one JSON file per record at <path>/<prefix><job>/<signature>, relative to the repository", async () => {
    const store = await openDir({ path: "layout", prefix: "myrepo/" });
    await store.record(recordOf("test-node-20", 7, 5));
    const file = join(repo, "layout", "myrepo", "test-node-20", sig(7));
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      format: 1,
      job_id: "test-node-20",
      signature: sig(7),
      recorded_at: "2025-01-01T12:05:00.000Z",
      metadata: { branch: "main", commit: "c7" },
      inputs_json: JSON.stringify({ files: 7, env: ["CI"], modules: {}, needs: [] }),
    });
  });

  it("leaves only complete records when two processes write the same keys at once", async () => {
    const other = testHost();
    const stores = [await openDir({ path: "busy" }), await openDir({ path: "busy" }, other)];
    const writes = stores.flatMap((store, s) =>
      Array.from({ length: 20 }, (_, i) => store.record(recordOf("race", i % 5, i + s))),
    );
    await Promise.all(writes);
    const dir = join(repo, "busy", "race");
    const names = readdirSync(dir).sort();
    expect(names).toEqual([0, 1, 2, 3, 4].map(sig));
    for (const name of names) expect(JSON.parse(readFileSync(join(dir, name), "utf8")).signature).toBe(name);
    expect(stores.flatMap((s) => s.takeDiagnostics())).toEqual([]);
  });

  it("never finds a record that does not decode, and says which file to delete", async () => {
    const store = await openDir({ path: "corrupt" });
    await store.record(recordOf("broken", 1));
    writeFileSync(join(repo, "corrupt", "broken", sig(1)), '{"job_id": "broken", "signa');
    expect(await store.lookup("broken", sig(1))).toBeUndefined();
    const [d] = store.takeDiagnostics();
    expect(d).toMatchObject({ severity: "error", code: "STORE-003", plugin: "cigen-store-dir" });
    expect(d!.message).toContain(join(repo, "corrupt", "broken", sig(1)));
    expect(d!.message).toContain("the job runs");
    expect(d!.hint).toMatch(/delete that record/);
  });

  it("reports a missing path as a diagnostic naming the setting, and finds nothing", async () => {
    const store = await openDir({});
    expect(await store.lookup("build", sig(1))).toBeUndefined();
    const [d] = store.takeDiagnostics();
    expect(d).toMatchObject({ code: "STORE-DIR-001", plugin: "cigen-store-dir" });
    expect(d!.message).toMatch(
      /could not look up job build in the dir store: the dir signature store has no skip_store\.path/,
    );
    expect(d!.hint).toMatch(/type: dir, path:/);
  });

  it("reports a path it cannot use (a file in the way) on record and lookup", async () => {
    writeFileSync(join(repo, "a-file"), "not a folder");
    const store = await openDir({ path: "a-file" });
    await store.record(recordOf("build", 1));
    expect(await store.lookup("build", sig(1))).toBeUndefined();
    const codes = store.takeDiagnostics().map((d) => [d.code, d.message.includes("skip_store.path")]);
    expect(codes).toEqual([
      ["STORE-DIR-002", true],
      ["STORE-DIR-002", true],
    ]);
  });
});

describe("openStore", () => {
  it("refuses the native store: it is the provider's cache, not a plugin", async () => {
    const opened = await openStore({ type: "native" }, host);
    expect(opened.store).toBeUndefined();
    expect(opened.diagnostics.map((d) => d.code)).toEqual(["CIGEN-STORE-001"]);
    expect(opened.diagnostics[0]!.hint).toMatch(/dir, redis or s3/);
  });

  it("reports an unknown store type through the host's discovery", async () => {
    const opened = await openStore({ type: "etcd", settingsJson: "{}" }, host);
    expect(opened.diagnostics.map((d) => [d.code, d.plugin])).toEqual([["CIGEN-PLUGIN-004", "cigen-store-etcd"]]);
  });

  it("refuses a plugin that is not a store of that type", async () => {
    const github = join(repoRoot, "plugins/provider-github/bin/cigen-provider-github.mjs");
    const impostor = testHost(new Map([["cigen-store-github", github]]));
    const opened = await openStore({ type: "github" }, impostor);
    expect(opened.store).toBeUndefined();
    expect(opened.diagnostics.map((d) => d.code)).toEqual(["CIGEN-STORE-004"]);
    expect(opened.diagnostics[0]!.message).toMatch(
      /does not declare the capability store:github and does not implement storeLookup and storeRecord/,
    );
  });

  it("rejects a type that cannot name a plugin, and settings that are not a mapping", async () => {
    expect((await openStore({ type: "../x" }, host)).diagnostics.map((d) => d.code)).toEqual(["CIGEN-STORE-002"]);
    const listSettings = await openStore({ type: "dir", settingsJson: "[1]" }, host);
    expect(listSettings.diagnostics.map((d) => d.code)).toEqual(["CIGEN-STORE-003"]);
  });
});
