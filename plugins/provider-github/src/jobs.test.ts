// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
import { describe, expect, it } from "vitest";
import { INVALID_ID, INVALID_PROVIDER_CONFIG } from "./codes";
import { jobName, translateJob } from "./jobs";
import { job, run, text } from "./test-models";

describe("translateJob", () => {
  it("writes a plain job: runs-on, checkout, steps", () => {
    expect(translateJob(job("lint"))).toEqual({
      id: "lint",
      doc: { "runs-on": "ubuntu-latest", steps: [{ uses: "actions/checkout@v4" }, { run: "make test" }] },
      diagnostics: [],
    });
  });

  it("gives the job its services' connection variables, unless its own env sets them", () => {
    const redis = {
      name: "redis",
      image: "redis:7",
      ports: [6379],
      connectionEnv: [
        { name: "REDIS_URL", template: "redis://{host}:{port}/0" },
        { name: "CACHE_URL", template: "redis://{host}:{port}/1" },
      ],
    };
    const { doc } = translateJob(job("t", { services: [redis], env: [{ name: "CACHE_URL", value: text("mine") }] }));
    expect(doc.env).toEqual({
      CACHE_URL: "mine",
      REDIS_HOST: "localhost",
      REDIS_PORT: "6379",
      REDIS_URL: "redis://localhost:6379/0",
    });
  });

  it("orders every key the way GitHub documents them", () => {
    const { doc, diagnostics } = translateJob(
      job("deploy-20", {
        baseId: "deploy",
        matrix: [{ dimension: "node", value: "20" }],
        needs: ["build"],
        needsAny: ["a", "b"],
        image: "node:20",
        trigger: { manual: true },
        timeoutMinutes: 15,
        env: [{ name: "X", value: text("1") }],
        services: [{ name: "redis", image: "redis:7", ports: [6379] }],
        artifacts: [{ path: "out", name: "deploy-20-0" }],
        providerConfigJson: JSON.stringify({ strategy: { "fail-fast": false }, "runs-on": "custom" }),
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(Object.keys(doc)).toEqual([
      "name",
      "needs",
      "if",
      "runs-on",
      "container",
      "environment",
      "timeout-minutes",
      "env",
      "services",
      "strategy",
      "steps",
    ]);
    expect(doc.name).toBe("deploy (20)");
    expect(doc.needs).toEqual(["build", "a", "b"]);
    expect(doc.environment).toBe("approve-deploy-20");
    expect(doc["runs-on"]).toBe("custom");
    expect(doc.env).toEqual({ X: "1", REDIS_HOST: "redis", REDIS_PORT: "6379" });
  });

  it("moves env that needs a step's context onto the job's own steps", () => {
    const { doc } = translateJob(
      job("a", {
        env: [
          { name: "PLAIN", value: text("x-", { secret: "S" }) },
          { name: "KEY", value: text({ platform: "os" }, "-", { checksum: "f" }) },
        ],
        steps: [run("echo ${KEY}")],
      }),
    );
    expect(doc.env).toEqual({ PLAIN: "x-${{ secrets.S }}" });
    expect((doc.steps as object[])[1]).toEqual({
      env: { KEY: "${{ runner.os }}-${{ hashFiles('f') }}" },
      run: "echo ${KEY}",
    });
  });

  it("lets the job's own env win over service addresses", () => {
    const { doc } = translateJob(
      job("a", {
        env: [{ name: "REDIS_HOST", value: text("cache.internal") }],
        services: [{ name: "redis", image: "redis:7", ports: [6379] }],
      }),
    );
    expect(doc.env).toEqual({ REDIS_HOST: "cache.internal", REDIS_PORT: "6379" });
  });

  it("lets provider_config delete a generated key with null", () => {
    const { doc } = translateJob(job("a", { timeoutMinutes: 5, providerConfigJson: '{"timeout-minutes": null}' }));
    expect(doc["timeout-minutes"]).toBeUndefined();
  });

  it("reports a bad provider_config and an id GitHub rejects", () => {
    const { diagnostics } = translateJob(job("9lives", { providerConfigJson: "{oops" }));
    expect(diagnostics.map((d) => d.code)).toEqual([INVALID_ID, INVALID_PROVIDER_CONFIG]);
  });
});

describe("jobName", () => {
  it("adds matrix values to the base id", () => {
    expect(jobName(job("t-3_2-x", { baseId: "t", matrix: [{ value: "3.2" }, { value: "x" }] }))).toBe("t (3.2, x)");
    expect(jobName(job("solo"))).toBe("solo");
  });
});
