import { job, run, setupToolchain } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { translateJob } from "./jobs";

const placement = { stage: "stage-1", needs: [], rules: [{ when: "on_success" }], globals: {}, writesMarker: false };

describe("SetupToolchain steps on gitlab", () => {
  const steps = [
    setupToolchain("node", "20.11.1", "node:20.11.1"),
    setupToolchain("python", "3.12", "python:3.12"),
    run("npm test"),
  ];

  it("runs the job in the first toolchain's image and installs the others with their script", () => {
    const { value } = translateJob(job("t", { steps }), placement);
    expect(value.image).toBe("node:20.11.1");
    expect(value.script).toEqual(["cigen-install-python 3.12", "npm test"]);
  });

  it("keeps the job's own image and installs every toolchain", () => {
    const { value } = translateJob(job("t", { steps, image: "debian:12" }), placement);
    expect(value.image).toBe("debian:12");
    expect(value.script).toEqual(["cigen-install-node 20.11.1", "cigen-install-python 3.12", "npm test"]);
  });

  it("installs every toolchain when the runner class or provider_config chooses the image", () => {
    const byRunner = translateJob(
      job("t", { steps, runner: { className: "vm", settingsJson: '{"image":"corp/base:1","tags":["vm"]}' } }),
      placement,
    );
    expect(byRunner.value.image).toBe("corp/base:1");
    expect(byRunner.value.script).toEqual(["cigen-install-node 20.11.1", "cigen-install-python 3.12", "npm test"]);
    const byConfig = translateJob(job("t", { steps, providerConfigJson: '{"image":"corp/base:2"}' }), placement);
    expect(byConfig.value.image).toBe("corp/base:2");
    expect(byConfig.value.script).toHaveLength(3);
  });

  it("installs a toolchain that has no image", () => {
    const { value } = translateJob(job("t", { steps: [setupToolchain("zig", "0.13.0"), run("zig build")] }), placement);
    expect(value.image).toBeUndefined();
    expect(value.script).toEqual(["cigen-install-zig 0.13.0", "zig build"]);
  });
});
