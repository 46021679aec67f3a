/**
 * The same skip cycle (run, skip, change, run) through the real CLI with the redis and s3 store
 * plugins against real servers: the commands do not depend on which store keeps the records.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedisServer } from "../../support/redis-server";
import { S3_CREDENTIALS, type S3Server, startS3Server } from "../../support/s3-server";
import { runJob, skipRepo } from "./skip-repo";

const jobs = `jobs:
  build:
    source_files: ["src/**"]
    steps:
      - run: 'true'
`;

async function skipCycle(store: string, env: NodeJS.ProcessEnv) {
  const repo = skipRepo({ "cigen.yml": `skip_store: ${store}\n${jobs}`, "src/a.txt": "a\n" });
  expect((await repo.cigen(["preflight", "--job", "build"], env)).code).toBe(0);
  const first = await runJob(repo, "build", env);
  expect(first.code, first.stderr).toBe(0);
  expect(first.actions).toEqual({ build: "ran" });
  expect(first.doc.jobs[0].recorded).toBe(true);
  expect((await repo.cigen(["preflight", "--job", "build"], env)).code).toBe(78);
  expect((await runJob(repo, "build", env)).actions).toEqual({ build: "skipped" });
  repo.write({ "src/a.txt": "a2\n" });
  expect((await repo.cigen(["preflight", "--job", "build"], env)).code).toBe(0);
  const explained = await repo.json(["explain", "build"], env);
  expect(explained.doc.changes.files.changed).toEqual(["src/a.txt"]);
}

describe("job skipping with the redis store", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  it("skips, runs on change and explains, as with the dir store", async () => {
    await skipCycle('{ type: redis, url_env: TEST_REDIS_URL, prefix: "repo:" }', { TEST_REDIS_URL: redis.url });
  });
});

describe("job skipping with the s3 store", () => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server(["signatures"]);
  });
  afterAll(() => s3?.stop());

  it("skips, runs on change and explains, as with the dir store", async () => {
    await skipCycle(
      "{ type: s3, bucket: signatures, prefix: repo/, endpoint_env: TEST_S3_ENDPOINT, region: us-east-1 }",
      {
        ...S3_CREDENTIALS,
        TEST_S3_ENDPOINT: s3.endpoint,
      },
    );
  });
});
