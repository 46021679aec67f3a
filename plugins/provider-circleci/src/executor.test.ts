import type { Diagnostic } from "@cigen/protocol";
import { job } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { resolveExecutor } from "./executor";

function resolve(init: Parameters<typeof job>[1]) {
  const diagnostics: Diagnostic[] = [];
  return { ...resolveExecutor(job("j", init), (d) => diagnostics.push(d)), codes: diagnostics.map((d) => d.code) };
}

describe("resolveExecutor", () => {
  it("runs amd64 jobs in docker with the job image or cimg/base", () => {
    expect(resolve({})).toEqual({
      kind: "docker",
      fields: { docker: [{ image: "cimg/base:current" }], resource_class: "medium" },
      codes: [],
    });
    expect(resolve({ image: "node:20", runner: { className: "large" } }).fields).toEqual({
      docker: [{ image: "node:20" }],
      resource_class: "large",
    });
  });

  it("runs arm64 jobs on an Arm machine", () => {
    expect(resolve({ arch: "arm64", runner: { className: "xlarge" } })).toEqual({
      kind: "machine",
      fields: { machine: { image: "ubuntu-2204:current" }, resource_class: "arm.xlarge" },
      codes: [],
    });
  });

  it("uses the runner class's circleci settings as job keys", () => {
    const settingsJson = JSON.stringify({ resource_class: "2xlarge", circleci_ip_ranges: true });
    expect(resolve({ runner: { className: "big", settingsJson } }).fields).toEqual({
      docker: [{ image: "cimg/base:current" }],
      resource_class: "2xlarge",
      circleci_ip_ranges: true,
    });
    const machine = JSON.stringify({ machine: { image: "ubuntu-2404:current" }, resource_class: "large" });
    expect(resolve({ runner: { className: "vm", settingsJson: machine } }).kind).toBe("machine");
  });

  it("reports a runner class without settings or default, and an image on arm64", () => {
    expect(resolve({ runner: { className: "gpu" } }).codes).toEqual(["CIRCLECI-003"]);
    expect(resolve({ arch: "arm64", image: "node:20" }).codes).toEqual(["CIRCLECI-004"]);
  });
});
