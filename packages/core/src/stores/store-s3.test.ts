/**
 * The s3 store through the real bundled plugin (cigen-store-s3), started by openStore on a real
 * PluginHost, against a real S3-compatible server (s3rver) that checks request signatures: the
 * shared store contract and every way the bucket can be missing or refuse.
 */
import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../../test/support/redis-server";
import { S3_CREDENTIALS, type S3Server, startS3Server } from "../../../../test/support/s3-server";
import { openStore, type SignatureStore } from "./store-client";
import { storeContract } from "./store-contract";
import { recordOf, sig, testHost } from "./store-test-host";

let server: S3Server;
let deadEndpoint: string;
const host = testHost();
beforeAll(async () => {
  [server, deadEndpoint] = await Promise.all([
    startS3Server(["ci-signatures"]),
    freePort().then((port) => `http://127.0.0.1:${port}`),
  ]);
  // Each environment below is one plugin process: start them side by side, not one per test.
  const envs = [goodEnv(), S3_CREDENTIALS, { S3_ENDPOINT: server.endpoint }, wrongKeys(), deadEnv()];
  const endpointEnvs = ["S3_ENDPOINT", "UNSET_S3_ENDPOINT", "S3_ENDPOINT", "S3_ENDPOINT", "S3_ENDPOINT"];
  await Promise.all(envs.map((env, i) => openS3({ ...bucket, endpoint_env: endpointEnvs[i] }, env)));
});
afterAll(() => server?.stop());

/** The SDK must never ask an instance metadata service: tests reach nothing but loopback. */
const NO_IMDS = { AWS_EC2_METADATA_DISABLED: "true" };

async function openS3(settings: Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<SignatureStore> {
  const spec = create(SkipStoreSchema, { type: "s3", settingsJson: JSON.stringify(settings) });
  const opened = await openStore(spec, host, { env: { ...NO_IMDS, ...env } });
  expect(opened.diagnostics).toEqual([]);
  return opened.store!;
}

const goodEnv = () => ({ S3_ENDPOINT: server.endpoint, ...S3_CREDENTIALS });
const wrongKeys = () => ({ ...goodEnv(), AWS_ACCESS_KEY_ID: "UNKNOWN", AWS_SECRET_ACCESS_KEY: "guess" });
const deadEnv = () => ({ ...goodEnv(), S3_ENDPOINT: deadEndpoint });
const bucket = { bucket: "ci-signatures", endpoint_env: "S3_ENDPOINT", region: "eu-west-1" };

async function failingLookup(store: SignatureStore) {
  expect(await store.lookup("build", sig(1))).toBeUndefined();
  const diagnostics = store.takeDiagnostics();
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

describe("the s3 store", () => {
  storeContract((prefix) => openS3({ ...bucket, prefix }, goodEnv()));

  it("says which setting is missing when there is no bucket", async () => {
    const d = await failingLookup(await openS3({ endpoint_env: "S3_ENDPOINT" }, goodEnv()));
    expect(d.code).toBe("STORE-S3-001");
    expect(d.hint).toMatch(/bucket: ci-signatures/);
  });

  it("says which variable to set when endpoint_env's variable is missing", async () => {
    const d = await failingLookup(await openS3({ ...bucket, endpoint_env: "UNSET_S3_ENDPOINT" }, S3_CREDENTIALS));
    expect(d.code).toBe("STORE-S3-002");
    expect(d.message).toMatch(/UNSET_S3_ENDPOINT \(skip_store\.endpoint_env\), which is not set \(the job runs\)/);
  });

  it("reports missing credentials, rejected credentials and a missing bucket", async () => {
    const none = await failingLookup(await openS3(bucket, { S3_ENDPOINT: server.endpoint }));
    expect(none.code).toBe("STORE-S3-004");
    expect(none.hint).toMatch(/AWS_ACCESS_KEY_ID/);
    const denied = await failingLookup(await openS3(bucket, wrongKeys()));
    expect(denied.code).toBe("STORE-S3-005");
    expect(denied.message).toMatch(/InvalidAccessKeyId/);
    expect(`${denied.message} ${denied.hint}`).not.toContain("guess");
    const noBucket = await failingLookup(await openS3({ ...bucket, bucket: "no-such-bucket" }, goodEnv()));
    expect(noBucket.code).toBe("STORE-S3-006");
  });

  it("reports a server that is down, quickly, and records nothing", async () => {
    const store = await openS3(bucket, deadEnv());
    const started = Date.now();
    expect((await failingLookup(store)).code).toBe("STORE-S3-007");
    await store.record(recordOf("build", 1));
    expect(store.takeDiagnostics().map((d) => d.code)).toEqual(["STORE-S3-007"]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
