import { describe, expect, it } from "vitest";
import { job, run, setupToolchain } from "./testing";
import { fillConnection, placeToolchains } from "./toolchain";

describe("placeToolchains", () => {
  const steps = [
    setupToolchain("node", "20.11.1", "node:20.11.1"),
    setupToolchain("ruby", "3.3.0", "ruby:3.3.0"),
    run("make"),
  ];

  it("makes the first toolchain the job image and installs the others", () => {
    const placed = placeToolchains(job("t", { steps }), { images: true });
    expect(placed.image).toBe("node:20.11.1");
    expect(placed.steps.map((s) => s.kind.case)).toEqual(["run", "run"]);
    expect(placed.steps[0].name).toBe("Set up ruby 3.3.0");
  });

  it("keeps the job's own image and installs every toolchain", () => {
    const placed = placeToolchains(job("t", { steps, image: "debian:12" }), { images: true });
    expect(placed.image).toBe("debian:12");
    expect(placed.steps.map((s) => s.name)).toEqual(["Set up node 20.11.1", "Set up ruby 3.3.0", ""]);
  });

  it("installs every toolchain where the job cannot take an image", () => {
    const placed = placeToolchains(job("t", { steps }), { images: false });
    expect(placed.image).toBe("");
    expect(placed.steps).toHaveLength(3);
  });
});

describe("fillConnection", () => {
  it("fills every host and port placeholder", () => {
    expect(fillConnection("postgres://u:p@{host}:{port}/db?h={host}", { host: "postgres", port: "5432" })).toBe(
      "postgres://u:p@postgres:5432/db?h=postgres",
    );
  });
});
