/**
 * What every signature store must do, whatever it keeps its records in: the cases each store's
 * test file runs against the real plugin, through openStore and a real PluginHost.
 */
import { expect, it } from "vitest";
import type { SignatureStore } from "./store-client";
import { recordOf, sig } from "./store-test-host";

/** Opens a store of the type under test whose keys start with `prefix`. */
export type OpenWithPrefix = (prefix: string) => Promise<SignatureStore>;

/** Declares the shared cases (call inside a describe). Job ids are unique per case. */
export function storeContract(open: OpenWithPrefix): void {
  it("finds a recorded signature, with everything that was recorded", async () => {
    const store = await open("contract/");
    const record = recordOf("build", 1);
    await store.record(record);
    expect(store.takeDiagnostics()).toEqual([]);
    expect(await store.lookup("build", sig(1))).toEqual(record);
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("does not find another signature of the job, nor the signature of another job", async () => {
    const store = await open("contract/");
    await store.record(recordOf("lint", 1));
    expect(await store.lookup("lint", sig(2))).toBeUndefined();
    expect(await store.lookup("lint-node-20", sig(1))).toBeUndefined();
    expect(await store.lookup("lin", sig(1))).toBeUndefined();
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("gives the history most recent first, bounded by the limit, for that job only", async () => {
    const store = await open("contract/");
    await Promise.all([2, 0, 3, 1].map((n) => store.record(recordOf("test", n, n))));
    await store.record(recordOf("test-other", 9, 9));
    const all = await store.history("test");
    expect(all.map((r) => r.signature)).toEqual([sig(3), sig(2), sig(1), sig(0)]);
    expect((await store.history("test", 2)).map((r) => r.signature)).toEqual([sig(3), sig(2)]);
    expect(await store.history("never-recorded")).toEqual([]);
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("replaces a record made again with the same signature (a revert) and lists it once", async () => {
    const store = await open("contract/");
    await store.record(recordOf("deploy", 1, 1));
    await store.record(recordOf("deploy", 2, 2));
    const again = recordOf("deploy", 1, 3);
    await store.record(again);
    expect((await store.lookup("deploy", sig(1)))?.recordedAt).toBe(again.recordedAt);
    expect((await store.history("deploy")).map((r) => r.signature)).toEqual([sig(1), sig(2)]);
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("keeps two prefixes (two repositories) apart", async () => {
    const one = await open("repo-one/");
    const two = await open("repo-two/");
    await one.record(recordOf("shared-job", 5));
    expect(await two.lookup("shared-job", sig(5))).toBeUndefined();
    expect(await two.history("shared-job")).toEqual([]);
    expect(await one.lookup("shared-job", sig(5))).toBeDefined();
    expect([...one.takeDiagnostics(), ...two.takeDiagnostics()]).toEqual([]);
  });

  it("refuses a malformed signature without asking the plugin, and never finds it", async () => {
    const store = await open("contract/");
    expect(await store.lookup("build", "ABC")).toBeUndefined();
    expect(store.takeDiagnostics().map((d) => d.code)).toEqual(["CIGEN-STORE-007"]);
  });
}
