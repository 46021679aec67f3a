import type { SetupToolchainStep } from "@cigen/protocol";
import { setupToolchain } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { USES_WORKING_DIRECTORY } from "./codes";
import { translateStep } from "./steps";
import { job } from "./test-models";

const onRunner = job("a");
const inContainer = job("a", { image: "debian:12" });

describe("SetupToolchain steps on GitHub", () => {
  it("uses each tool's setup action with the exact version and no built-in cache", () => {
    const translate = (tool: string, version: string) =>
      translateStep(setupToolchain(tool, version, `${tool}:${version}`), onRunner);
    expect(translate("node", "20.11.1")).toEqual({
      step: { uses: "actions/setup-node@v4", with: { "node-version": "20.11.1" } },
      diagnostics: [],
    });
    expect(translate("python", "3.12.1").step).toEqual({
      uses: "actions/setup-python@v5",
      with: { "python-version": "3.12.1" },
    });
    // setup-go caches by default; the module's own cache step does that job.
    expect(translate("go", "1.22.0").step).toEqual({
      uses: "actions/setup-go@v5",
      with: { "go-version": "1.22.0", cache: false },
    });
    expect(translate("ruby", "3.3.0").step).toEqual({ uses: "ruby/setup-ruby@v1", with: { "ruby-version": "3.3.0" } });
  });

  it("passes setup-java a distribution: the module's, else Temurin", () => {
    const java = setupToolchain("java", "21");
    expect(translateStep(java, onRunner).step.with).toEqual({ "java-version": "21", distribution: "temurin" });
    (java.kind.value as SetupToolchainStep).options = { distribution: "zulu" };
    expect(translateStep(java, onRunner).step.with).toEqual({ "java-version": "21", distribution: "zulu" });
  });

  it("keeps the step's name, condition and env on the action", () => {
    const step = setupToolchain("node", "22.1.0", "", { name: "Node", env: [] });
    expect(translateStep(step, onRunner).step).toEqual({
      name: "Node",
      uses: "actions/setup-node@v4",
      with: { "node-version": "22.1.0" },
    });
  });

  it("runs the install script for a tool without a setup action", () => {
    expect(translateStep(setupToolchain("rust", "1.75.0", "rust:1.75.0"), onRunner)).toEqual({
      step: { name: "Set up rust 1.75.0", run: "cigen-install-rust 1.75.0" },
      diagnostics: [],
    });
  });

  it("runs the install script in a job container, where the setup actions' binaries may not run", () => {
    expect(translateStep(setupToolchain("node", "20.11.1", "node:20.11.1"), inContainer).step).toEqual({
      name: "Set up node 20.11.1",
      run: "cigen-install-node 20.11.1",
    });
  });

  it("honours working_directory on the install script and refuses it on an action", () => {
    const step = setupToolchain("node", "20.11.1", "", { workingDirectory: "web" });
    expect(translateStep(step, inContainer).step["working-directory"]).toBe("web");
    expect(translateStep(step, onRunner).diagnostics.map((d) => d.code)).toEqual([USES_WORKING_DIRECTORY]);
  });
});
