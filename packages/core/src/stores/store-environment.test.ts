import { describe, expect, it } from "vitest";
import { pickVariables, storeVariableNames } from "./store-environment";

describe("a store plugin's extra environment", () => {
  it("passes the variables the *_env settings name, and redis's default", () => {
    expect(storeVariableNames("redis", {})).toEqual(["CIGEN_REDIS_URL"]);
    expect(storeVariableNames("redis", { url_env: "TEAM_REDIS", prefix: "x" })).toEqual(["TEAM_REDIS"]);
    expect(storeVariableNames("vault", { token_env: "VAULT_TOKEN", path: "/x" })).toEqual(["VAULT_TOKEN"]);
    expect(storeVariableNames("dir", { path: "/x" })).toEqual([]);
  });

  it("gives the s3 store the AWS SDK's variables", () => {
    const names = storeVariableNames("s3", { endpoint_env: "S3_ENDPOINT" });
    expect(names).toEqual(
      expect.arrayContaining(["S3_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]),
    );
    expect(names).not.toContain("GITHUB_TOKEN");
  });

  it("picks only the named variables that are set", () => {
    expect(pickVariables({ A: "1", B: "2", GITHUB_TOKEN: "t" }, ["A", "C"])).toEqual({ A: "1" });
  });
});
