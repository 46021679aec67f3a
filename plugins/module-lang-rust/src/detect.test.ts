import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);
const CARGO = '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n';
const msrv = (v: string) => `[package]\nname = "app"\nrust-version = "${v}"\n`;

describe("lang/rust detect", () => {
  it("says nothing about a repository without Cargo.toml", async () => {
    const r = await detectIn(module, { "rust-toolchain.toml": '[toolchain]\nchannel = "1.77.0"\n' });
    expect([r.confidence, r.signals, r.facts, r.diagnostics]).toEqual([0, [], {}, []]);
  });

  it("takes rust-toolchain.toml's channel, with evidence, and sets the facts", async () => {
    const r = await detectIn(module, {
      "Cargo.toml": CARGO,
      "Cargo.lock": "version = 3\n",
      "rust-toolchain.toml": '[toolchain]\nchannel = "1.77.0"\ncomponents = ["clippy"]\n',
    });
    expect(r.confidence).toBe(1);
    expect(r.facts).toEqual({
      package: "rust",
      source_files: "**/*.rs,Cargo.lock,Cargo.toml,rust-toolchain.toml",
      lint: "cargo fmt --check && cargo clippy -- -D warnings",
      test: "cargo test",
      build: "cargo build --release",
      version: "1.77.0",
      version_source: "rust-toolchain.toml",
      lock_files: "Cargo.lock",
    });
    const version = r.signals.find((s) => s.name === "version");
    expect([version?.value, version?.evidence?.file, version?.evidence?.line, version?.evidence?.column]).toEqual([
      "1.77.0",
      "rust-toolchain.toml",
      2,
      11,
    ]);
    expect(r.signals.map((s) => [s.name, s.value])).toEqual([
      ["manifest", "package"],
      ["version", "1.77.0"],
      ["lock_file", "Cargo.lock"],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reads the legacy rust-toolchain file, plain or in TOML", async () => {
    const plain = await detectIn(module, { "Cargo.toml": CARGO, "rust-toolchain": "nightly-2024-02-01\n" });
    const toml = await detectIn(module, { "Cargo.toml": CARGO, "rust-toolchain": '[toolchain]\nchannel = "beta"\n' });
    expect([plain.facts.version, plain.facts.version_source, toml.facts.version]).toEqual([
      "nightly-2024-02-01",
      "rust-toolchain",
      "beta",
    ]);
  });

  it("prefers the legacy file when both exist, as rustup does, and warns when they disagree", async () => {
    const r = await detectIn(module, {
      "Cargo.toml": CARGO,
      "rust-toolchain": "1.76.0\n",
      "rust-toolchain.toml": '[toolchain]\nchannel = "1.77.0"\n',
    });
    expect([r.facts.version, ...codes(r)]).toEqual(["1.76.0", "RUST-001"]);
    expect(r.diagnostics[0].message).toBe(
      "rust versions disagree: rust-toolchain says 1.76.0 (used), rust-toolchain.toml says 1.77.0 (rust-toolchain.toml:2)",
    );
  });

  it("reads .tool-versions", async () => {
    const r = await detectIn(module, { "Cargo.toml": CARGO, ".tool-versions": "rust 1.78.0\n" });
    expect([r.facts.version, r.facts.version_source]).toEqual(["1.78.0", ".tool-versions"]);
  });

  it("sets up the MSRV when nothing else names a toolchain", async () => {
    const r = await detectIn(module, { "Cargo.toml": msrv("1.70") });
    expect([r.facts.version, r.facts.version_source, r.facts.msrv, r.diagnostics]).toEqual([
      "1.70",
      "Cargo.toml rust-version",
      "1.70",
      [],
    ]);
    expect(r.signals.find((s) => s.name === "version")?.evidence?.line).toBe(3);
  });

  it("reads a workspace's rust-version", async () => {
    const r = await detectIn(module, {
      "Cargo.toml": '[workspace]\nmembers = ["a"]\n\n[workspace.package]\nrust-version = "1.74"\n',
    });
    expect([r.facts.version, r.signals[0].value]).toEqual(["1.74", "workspace"]);
  });

  it("warns when a pinned toolchain is older than the MSRV, and not when it meets it or is a channel", async () => {
    const older = await detectIn(module, { "Cargo.toml": msrv("1.74"), ".tool-versions": "rust 1.70.0\n" });
    expect([older.facts.version, ...codes(older)]).toEqual(["1.70.0", "RUST-001"]);
    expect(older.diagnostics[0].message).toContain("Cargo.toml rust-version says >=1.74 (Cargo.toml:3)");
    const newer = await detectIn(module, { "Cargo.toml": msrv("1.74"), ".tool-versions": "rust 1.77.2\n" });
    const stable = await detectIn(module, { "Cargo.toml": msrv("1.74"), "rust-toolchain": "stable\n" });
    expect([newer.diagnostics, stable.diagnostics, stable.facts.version]).toEqual([[], [], "stable"]);
  });

  it("uses stable with a warning when nothing names a toolchain", async () => {
    const r = await detectIn(module, { "Cargo.toml": CARGO });
    expect([r.facts.version, r.facts.version_source, ...codes(r)]).toEqual(["stable", "default", "RUST-002"]);
    expect(r.facts.lock_files).toBeUndefined();
  });

  it("ignores custom toolchains and files that do not parse, with warnings", async () => {
    const path = await detectIn(module, {
      "Cargo.toml": CARGO,
      "rust-toolchain.toml": '[toolchain]\npath = "/opt/rust"\n',
      ".tool-versions": "rust 1.77.0\n",
    });
    expect([path.facts.version, ...codes(path)]).toEqual(["1.77.0", "RUST-003"]);
    const broken = await detectIn(module, { "Cargo.toml": "[package\n", "rust-toolchain.toml": "[toolchain" });
    expect([broken.confidence, ...codes(broken)]).toEqual([1, "RUST-004", "RUST-004", "RUST-002"]);
  });
});
