import { createTestHost } from "@cigen/plugin-sdk/testing";
import type { Diagnostic, SetupToolchainStep } from "@cigen/protocol";
import { job, model, run, setupToolchain, text } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { translateJob } from "./job";
import { plugin } from "./plugin";
import { convenienceImage } from "./toolchains";

const setup = (tool: string, version: string) => setupToolchain(tool, version).kind.value as SetupToolchainStep;

function translate(init: Parameters<typeof job>[1]) {
  const diagnostics: Diagnostic[] = [];
  const def = translateJob(job("t", init), (d) => diagnostics.push(d));
  return { def, codes: diagnostics.map((d) => d.code) };
}

const checkout = { checkout: { method: "shallow", depth: 1 } };
const pg = {
  name: "postgres",
  image: "postgres:16",
  ports: [5432],
  connectionEnv: [{ name: "DATABASE_URL", template: "postgres://postgres:postgres@{host}:{port}/test" }],
};

describe("convenienceImage", () => {
  it("is cimg/<tool>:<version> for full and major.minor versions", () => {
    expect(convenienceImage(setup("node", "20.11.1"))).toBe("cimg/node:20.11.1");
    expect(convenienceImage(setup("python", "3.12"))).toBe("cimg/python:3.12");
    expect(convenienceImage(setup("ruby", "3.3.0"))).toBe("cimg/ruby:3.3.0");
    expect(convenienceImage(setup("go", "1.22.0"))).toBe("cimg/go:1.22.0");
    expect(convenienceImage(setup("rust", "1.75.0"))).toBe("cimg/rust:1.75.0");
  });

  it("is undefined when CircleCI publishes no such tag or no image for the tool", () => {
    expect(convenienceImage(setup("node", "20"))).toBeUndefined();
    expect(convenienceImage(setup("node", "22.0.0-rc.1"))).toBeUndefined();
    expect(convenienceImage(setup("zig", "0.11.0"))).toBeUndefined();
  });
});

describe("toolchains in CircleCI jobs", () => {
  it("runs a docker job in the first toolchain's convenience image and installs the others", () => {
    const steps = [setupToolchain("node", "20.11.1", "node:20.11.1"), setupToolchain("ruby", "3.3.0"), run("make")];
    expect(translate({ steps })).toEqual({
      def: {
        docker: [{ image: "cimg/node:20.11.1" }],
        resource_class: "medium",
        steps: [
          checkout,
          { run: { name: "Set up ruby 3.3.0", command: "cigen-install-ruby 3.3.0" } },
          { run: { command: "make" } },
        ],
      },
      codes: [],
    });
  });

  it("falls back to the module's image, then to the install script on cimg/base", () => {
    const official = translate({ steps: [setupToolchain("node", "20", "node:20"), run("make")] }).def;
    expect(official.docker).toEqual([{ image: "node:20" }]);
    expect(official.steps).toEqual([checkout, { run: { command: "make" } }]);
    const script = translate({ steps: [setupToolchain("zig", "0.11.0"), run("make")] }).def;
    expect(script.docker).toEqual([{ image: "cimg/base:current" }]);
    expect(script.steps).toEqual([
      checkout,
      { run: { name: "Set up zig 0.11.0", command: "cigen-install-zig 0.11.0" } },
      { run: { command: "make" } },
    ]);
  });

  it("keeps the job's own image and installs every toolchain in it", () => {
    const { def } = translate({ image: "debian:12", steps: [setupToolchain("node", "20.11.1"), run("make")] });
    expect(def.docker).toEqual([{ image: "debian:12" }]);
    expect(def.steps).toContainEqual({ run: { name: "Set up node 20.11.1", command: "cigen-install-node 20.11.1" } });
  });

  it("installs toolchains on arm64 machine executors, which take no image", () => {
    const { def, codes } = translate({ arch: "arm64", steps: [setupToolchain("node", "20.11.1", "node:20.11.1")] });
    expect(def.machine).toEqual({ image: "ubuntu-2204:current" });
    expect(def.steps).toEqual([
      checkout,
      { run: { name: "Set up node 20.11.1", command: "cigen-install-node 20.11.1" } },
    ]);
    expect(codes).toEqual([]);
  });
});

describe("service connection variables", () => {
  it("point at localhost and the service's first port; the job's own env wins", () => {
    const redis = {
      name: "redis",
      image: "redis:7",
      ports: [6379],
      connectionEnv: [{ name: "REDIS_URL", template: "redis://{host}:{port}/0" }],
    };
    const { def } = translate({
      services: [pg, redis],
      env: [{ name: "REDIS_URL", value: text("redis://elsewhere") }],
    });
    expect(def.environment).toEqual({
      POSTGRES_HOST: "localhost",
      POSTGRES_PORT: "5432",
      DATABASE_URL: "postgres://postgres:postgres@localhost:5432/test",
      REDIS_HOST: "localhost",
      REDIS_PORT: "6379",
      REDIS_URL: "redis://elsewhere",
    });
  });

  it("are the same on a machine executor, where services publish their ports", () => {
    const { def } = translate({ arch: "arm64", services: [pg] });
    expect((def.environment as Record<string, string>).DATABASE_URL).toBe(
      "postgres://postgres:postgres@localhost:5432/test",
    );
  });
});

it("writes toolchain and service jobs that CircleCI's tools accept", async () => {
  const jobs = [
    job("test", {
      services: [pg],
      steps: [setupToolchain("node", "20.11.1", "node:20.11.1"), setupToolchain("rust", "1.75.0"), run("npm test")],
    }),
    job("arm", { arch: "arm64", services: [pg], steps: [setupToolchain("python", "3.12.1"), run("pytest")] }),
  ];
  const host = createTestHost(plugin);
  const res = await host.call("generate", { target: "circleci", model: model({ jobs }) });
  host.close();
  expect(res.diagnostics.map((d) => d.code)).toEqual([]);
  const findings = await validateFiles("circleci", [{ file: "config.yml", text: res.fragments[0].content }]);
  expect(formatFindings(findings)).toBe("");
});
