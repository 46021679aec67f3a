/**
 * The redis store through the real bundled plugin (cigen-store-redis), started by openStore on a
 * real PluginHost, against a real redis-server: the shared store contract, TTLs, the bounded
 * history, and every way the server can be missing or refuse.
 */
import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RedisServer, startRedisServer } from "../../../../test/support/redis-server";
import { openStore, type SignatureStore } from "./store-client";
import { storeContract } from "./store-contract";
import { recordOf, sig, testHost } from "./store-test-host";

let server: RedisServer;
let locked: RedisServer;
let deadUrl: string;
const host = testHost();
beforeAll(async () => {
  [server, locked, deadUrl] = await Promise.all([
    startRedisServer(),
    startRedisServer({ password: "s3cret" }),
    freePort().then((port) => `redis://127.0.0.1:${port}`),
  ]);
  // Each environment below is one plugin process: start them side by side, not one per test.
  const envs = [
    { CIGEN_REDIS_URL: server.url },
    { TEAM_REDIS: server.url },
    {},
    { CIGEN_REDIS_URL: deadUrl },
    { CIGEN_REDIS_URL: wrongPassword() },
    { CIGEN_REDIS_URL: noPassword() },
    { CIGEN_REDIS_URL: locked.url },
  ];
  const names = [{}, { url_env: "TEAM_REDIS" }, { url_env: "UNSET_REDIS_URL" }, {}, {}, {}, {}];
  await Promise.all(envs.map((env, i) => openRedis(names[i]!, env)));
});
afterAll(() => Promise.all([server?.stop(), locked?.stop()]));

const wrongPassword = () => locked.url.replace("s3cret", "guess");
const noPassword = () => locked.url.replace(":s3cret@", "");

async function openRedis(settings: Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<SignatureStore> {
  const spec = create(SkipStoreSchema, { type: "redis", settingsJson: JSON.stringify(settings) });
  const opened = await openStore(spec, host, { env });
  expect(opened.diagnostics).toEqual([]);
  return opened.store!;
}

const openGood = (settings: Record<string, unknown>) => openRedis(settings, { CIGEN_REDIS_URL: server.url });

/** Looks up with a store that cannot work: nothing is found, and one diagnostic says why. */
async function failingLookup(store: SignatureStore) {
  expect(await store.lookup("build", sig(1))).toBeUndefined();
  const diagnostics = store.takeDiagnostics();
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

describe("the redis store", () => {
  storeContract((prefix) => openGood({ prefix }));

  it("sets the TTL of ttl_days on the record and on the job's history", async () => {
    const store = await openGood({ prefix: "ttl:", ttl_days: 2 });
    await store.record(recordOf("build", 1));
    const ttl = Number((await server.command("TTL", `ttl:build/${sig(1)}`)).slice(1));
    expect(ttl).toBeGreaterThan(2 * 86_400 - 60);
    expect(ttl).toBeLessThanOrEqual(2 * 86_400);
    expect(Number((await server.command("TTL", "ttl:build/history")).slice(1))).toBeGreaterThan(0);
  });

  it("expires records after 30 days when ttl_days is not set", async () => {
    const store = await openGood({ prefix: "default-ttl:" });
    await store.record(recordOf("build", 1));
    const ttl = Number((await server.command("TTL", `default-ttl:build/${sig(1)}`)).slice(1));
    expect(ttl).toBeGreaterThan(29 * 86_400);
  });

  it("keeps the history of a job bounded to the newest 50", async () => {
    const store = await openGood({ prefix: "cap:" });
    await Promise.all(Array.from({ length: 53 }, (_, i) => store.record(recordOf("build", i, i))));
    expect(await server.command("ZCARD", "cap:build/history")).toBe(":50");
    const history = await store.history("build", 100);
    expect(history).toHaveLength(50);
    expect(history[0]!.signature).toBe(sig(52));
    expect(history[49]!.signature).toBe(sig(3));
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("reads the URL from the variable url_env names, passed through the scrubbed plugin environment", async () => {
    const store = await openRedis({ url_env: "TEAM_REDIS", prefix: "custom-env:" }, { TEAM_REDIS: server.url });
    await store.record(recordOf("build", 1));
    expect(await store.lookup("build", sig(1))).toBeDefined();
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("says which variable to set when url_env's variable is missing", async () => {
    const d = await failingLookup(await openRedis({ url_env: "UNSET_REDIS_URL" }, {}));
    expect(d.code).toBe("STORE-REDIS-001");
    expect(d.message).toMatch(/UNSET_REDIS_URL \(skip_store\.url_env\), which is not set \(the job runs\)/);
    expect(d.hint).toMatch(/set UNSET_REDIS_URL to redis:\/\//);
  });

  it("reports a server that is down, quickly, and records nothing", async () => {
    const store = await openRedis({}, { CIGEN_REDIS_URL: deadUrl });
    const started = Date.now();
    const d = await failingLookup(store);
    expect(d.code).toBe("STORE-REDIS-003");
    expect(d.message).toMatch(/cannot be reached/);
    await store.record(recordOf("build", 1));
    expect(store.takeDiagnostics().map((x) => x.code)).toEqual(["STORE-REDIS-003"]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports rejected credentials without showing the password", async () => {
    const d = await failingLookup(await openRedis({}, { CIGEN_REDIS_URL: wrongPassword() }));
    expect(d.code).toBe("STORE-REDIS-004");
    expect(`${d.message} ${d.hint}`).not.toContain("guess");
    const none = await failingLookup(await openRedis({}, { CIGEN_REDIS_URL: noPassword() }));
    expect(none.code).toBe("STORE-REDIS-004");
  });

  it("reports a command the server refuses, and keeps working after it", async () => {
    await server.command("SET", "clash:build/history", "not a sorted set");
    const store = await openGood({ prefix: "clash:" });
    await store.record(recordOf("build", 1));
    const [d] = store.takeDiagnostics();
    expect(d?.code).toBe("STORE-REDIS-005");
    expect(d?.message).toMatch(/could not record job build in the redis store: .*answered with an error: .*WRONGTYPE/);
    expect(await store.lookup("other", sig(1))).toBeUndefined();
    expect(store.takeDiagnostics()).toEqual([]);
  });

  it("works with the right password", async () => {
    const store = await openRedis({ prefix: "auth:" }, { CIGEN_REDIS_URL: locked.url });
    await store.record(recordOf("build", 1));
    expect(await store.lookup("build", sig(1))).toBeDefined();
    expect(store.takeDiagnostics()).toEqual([]);
  });
});
