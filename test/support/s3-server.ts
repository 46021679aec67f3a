/**
 * A real S3-compatible server for the store tests: s3rver (the maintained @20minutes fork), in this
 * process, on a free loopback port, storing objects in a temporary folder. It knows one access key
 * (S3RVER), so an unknown key is refused as AWS would refuse it. It does not verify signatures:
 * current AWS SDKs sign bucket-level requests (ListObjectsV2) as `/<bucket>/` while s3rver computes
 * `/<bucket>`, so every listing would be refused.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: the package ships no type declarations.
import S3rver from "@20minutes/s3rver";
import { freePort } from "./redis-server";

/** The key pair s3rver accepts. */
export const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } as const;

export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts the server with `buckets` created. */
export async function startS3Server(buckets: readonly string[]): Promise<S3Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cigen-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory: dir,
    allowMismatchedSignatures: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
