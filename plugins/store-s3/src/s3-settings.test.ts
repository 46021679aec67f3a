import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { s3Settings } from "./s3-settings";

const store = (settings: Record<string, unknown>) =>
  create(SkipStoreSchema, { type: "s3", settingsJson: JSON.stringify(settings) });

describe("s3 settings", () => {
  it("take bucket, prefix, region and the endpoint from the variable endpoint_env names", () => {
    const s = s3Settings(store({ bucket: "b", prefix: "r/", region: "eu-west-1", endpoint_env: "E" }), {
      E: "http://minio:9000",
    });
    expect(s).toEqual({
      bucket: "b",
      prefix: "r/",
      region: "eu-west-1",
      endpoint: "http://minio:9000",
      endpointEnv: "E",
    });
  });

  it("fall back to the AWS region variables and to AWS S3 itself", () => {
    expect(s3Settings(store({ bucket: "b" }), { AWS_DEFAULT_REGION: "us-west-2" })).toMatchObject({
      region: "us-west-2",
      endpoint: undefined,
    });
  });

  it("name the setting or the variable that is missing", () => {
    expect(() => s3Settings(store({}), {})).toThrow(/^STORE-S3-001: .*skip_store\.bucket/);
    expect(() => s3Settings(store({ bucket: "b", endpoint_env: "E" }), {})).toThrow(/^STORE-S3-002: .*E \(skip_store/);
  });
});
