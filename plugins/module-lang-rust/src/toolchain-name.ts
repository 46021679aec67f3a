/**
 * Toolchain names this module sets up: a release ("1.77", "1.77.0") or a channel ("stable",
 * "beta", "nightly"), optionally dated ("nightly-2024-02-01"), as rustup installs them. Custom
 * toolchains (`path = ...`) and host-qualified names are not portable across runners.
 */
export const TOOLCHAIN = /^(\d+\.\d+(\.\d+)?|(stable|beta|nightly)(-\d{4}-\d{2}-\d{2})?)$/;

/** A release number rather than a channel. */
export const RELEASE = /^\d+\.\d+(\.\d+)?$/;

/**
 * The official image of a toolchain: `rust:<release>`; `rust:latest` is the current stable;
 * nightly has the Rust project's own `rustlang/rust:nightly`. Beta and dated channels have none
 * (empty), so image-based providers run the install script instead.
 */
export function rustImage(toolchain: string): string {
  if (RELEASE.test(toolchain)) return `rust:${toolchain}`;
  if (toolchain === "stable") return "rust:latest";
  if (toolchain === "nightly") return "rustlang/rust:nightly";
  return "";
}
