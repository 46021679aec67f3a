import { execFileSync } from "node:child_process";
import { planIn, tempRepo } from "@cigen/module-kit/testing";
import { createTestHost } from "@cigen/plugin-sdk/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";
import { describeStep, shellcheck, show } from "./test-support";

const job = { jobId: "test", baseId: "test", packages: ["rust"] };
const CARGO = '[package]\nname = "app"\nversion = "0.1.0"\n';
const files = {
  "Cargo.toml": CARGO,
  "Cargo.lock": "version = 3\n",
  "rust-toolchain.toml": '[toolchain]\nchannel = "1.77.0"\n',
};

describe("lang/rust plan", () => {
  it("sets up the toolchain, fetches the locked crates and caches them with target/", async () => {
    const r = await planIn(module, files, [job]);
    const [c] = r.contributions;
    const [setup, fetch] = c.setupSteps.map(describeStep);
    expect(setup.slice(0, 2)).toEqual(["Set up rust 1.77.0", "setup rust 1.77.0 rust:1.77.0"]);
    expect(setup[2]).toMatch(/^if rustc --version 2>\/dev\/null \| grep -Eq '\^rustc 1\\\.77\\\.0\( \|\$\)'; then/);
    expect(setup[2]).toContain("  rustup toolchain install 1.77.0 --profile minimal --component clippy,rustfmt\n");
    expect(setup[2]).toContain("sh.rustup.rs");
    expect(fetch[0]).toBe("Fetch crates");
    expect(fetch[2].split("\n").slice(-2)).toEqual([
      "if command -v rustup >/dev/null 2>&1; then rustup component add clippy rustfmt; fi",
      "cargo fetch --locked",
    ]);
    expect(c.caches.map((k) => [k.name, show(k.key), show(k.restoreKeys[0]), k.paths])).toEqual([
      [
        "rust",
        "<platform:os>-<platform:arch>-rust-1.77.0-<checksum:Cargo.lock>",
        "<platform:os>-<platform:arch>-rust-1.77.0-",
        ["~/.cargo/registry", "~/.cargo/git", "target"],
      ],
    ]);
    expect(c.signatureFiles).toEqual(["Cargo.lock", "Cargo.toml", "rust-toolchain.toml"]);
    expect(c.signatureValues).toEqual({ rust: "1.77.0" });
    expect(c.env.map((e) => [e.name, show(e.value)])).toEqual([["CARGO_INCREMENTAL", "0"]]);
    expect(r.diagnostics).toEqual([]);
  });

  it("maps channels to images: stable to rust:latest, nightly to rustlang/rust:nightly, others to none", async () => {
    const imageOf = async (channel: string) => {
      const r = await planIn(module, { "Cargo.toml": CARGO, "rust-toolchain": `${channel}\n` }, [job]);
      return describeStep(r.contributions[0].setupSteps[0])[1];
    };
    expect(await imageOf("stable")).toBe("setup rust stable rust:latest");
    expect(await imageOf("nightly")).toBe("setup rust nightly rustlang/rust:nightly");
    expect(await imageOf("beta")).toBe("setup rust beta ");
    expect(await imageOf("1.77")).toBe("setup rust 1.77 rust:1.77");
  });

  it("checks the version on PATH the way each toolchain name needs", async () => {
    const checkOf = async (channel: string) => {
      const r = await planIn(module, { "Cargo.toml": CARGO, "rust-toolchain": `${channel}\n` }, [job]);
      return describeStep(r.contributions[0].setupSteps[0])[2].split("\n")[0];
    };
    expect(await checkOf("1.77")).toBe("if rustc --version 2>/dev/null | grep -Eq '^rustc 1\\.77\\.[0-9]+( |$)'; then");
    expect(await checkOf("nightly")).toBe("if rustc --version 2>/dev/null | grep -Eq '^rustc [0-9.]+-nightly'; then");
    expect(await checkOf("nightly-2024-02-01")).toBe(
      "if rustup default 2>/dev/null | grep -q '^nightly-2024-02-01-'; then",
    );
  });

  it("without Cargo.lock adds the components only and keys the cache on Cargo.toml", async () => {
    const r = await planIn(module, { "Cargo.toml": CARGO }, [job]);
    const [c] = r.contributions;
    expect(describeStep(c.setupSteps[1])[0]).toBe("Add Rust components");
    expect(describeStep(c.setupSteps[1])[2]).not.toContain("cargo fetch");
    expect(show(c.caches[0].key)).toBe("<platform:os>-<platform:arch>-rust-stable-<checksum:Cargo.toml>");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["RUST-002"]);
  });

  it("leaves out a Cargo.lock that .gitignore keeps out of the checkout", async () => {
    const root = tempRepo({ ...files, ".gitignore": "/target\nCargo.lock\n" });
    execFileSync("git", ["init", "-q"], { cwd: root });
    const host = createTestHost(module);
    try {
      const r = await host.call("plan", { repoRoot: root, jobs: [job], configJson: "{}" });
      const [c] = r.contributions;
      expect(describeStep(c.setupSteps[1])[2]).not.toContain("cargo fetch");
      expect(show(c.caches[0].key)).toMatch(/-<checksum:Cargo\.toml>$/);
      expect(c.signatureFiles).toEqual(["Cargo.toml", "rust-toolchain.toml"]);
    } finally {
      host.close();
    }
  });

  it("replaces a uses step, with: version overriding the detected toolchain", async () => {
    const r = await planIn(module, files, [
      { jobId: "t", baseId: "t", uses: [{ stepIndex: 3, constraint: "^1", with: { version: "nightly" } }] },
    ]);
    const [c] = r.contributions;
    expect(c.setupSteps).toEqual([]);
    expect(c.replacements.map((x) => [x.stepIndex, x.steps.map((s) => describeStep(s)[1])])).toEqual([
      [3, ["setup rust nightly rustlang/rust:nightly", "run"]],
    ]);
    expect(show(c.caches[0].key)).toBe("<platform:os>-<platform:arch>-rust-nightly-<checksum:Cargo.lock>");
    expect(c.signatureValues).toEqual({ rust: "nightly" });
  });

  it("skips the fetch with install: false and warns about unknown inputs and bad versions", async () => {
    const r = await planIn(module, files, [
      {
        jobId: "t",
        baseId: "t",
        uses: [{ stepIndex: 0, with: { install: "false", version: "latest", targets: "x" } }],
      },
    ]);
    const [c] = r.contributions;
    expect(c.replacements[0].steps.map((s) => describeStep(s)[1])).toEqual(["setup rust 1.77.0 rust:1.77.0"]);
    expect([c.caches, c.env]).toEqual([[], []]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["RUST-005", "RUST-006"]);
  });

  it("emits POSIX shell that shellcheck accepts, run steps also as Buildkite writes them", async () => {
    for (const channel of ["1.77.0", "stable", "nightly-2024-02-01"]) {
      const r = await planIn(module, { ...files, "rust-toolchain.toml": `[toolchain]\nchannel = "${channel}"\n` }, [
        job,
      ]);
      for (const step of r.contributions[0].setupSteps) {
        const [, kind, script] = describeStep(step);
        const findings = shellcheck(script, { asBuildkite: kind === "run" });
        if (findings === undefined) return; // shellcheck is not installed here; the validators run it end to end
        expect(findings, script).toEqual([]);
      }
    }
  });
});
