import { checkThenInstall, linkOntoPath, runStep, toolchainStep } from "@cigen/module-kit";
import type { Step } from "@cigen/protocol";
import { RELEASE, rustImage } from "./toolchain-name";

export const MODULE = "lang/rust";

/** The crates cargo downloads, and the build output. */
export const CACHE_PATHS = ["~/.cargo/registry", "~/.cargo/git", "target"];

/** The components the suggested lint uses; the official images install the minimal profile without them. */
const COMPONENTS = ["clippy", "rustfmt"];

/** A check that succeeds when `rustc` on PATH is the toolchain asked for. */
function checkFor(toolchain: string): string {
  if (RELEASE.test(toolchain)) {
    const release = toolchain.replaceAll(".", "\\.") + (toolchain.split(".").length === 2 ? "\\.[0-9]+" : "");
    return `rustc --version 2>/dev/null | grep -Eq '^rustc ${release}( |$)'`;
  }
  if (toolchain === "stable") return "rustc --version 2>/dev/null | grep -Eq '^rustc [0-9]+\\.[0-9]+\\.[0-9]+ '";
  if (toolchain === "beta" || toolchain === "nightly")
    return `rustc --version 2>/dev/null | grep -Eq '^rustc [0-9.]+-${toolchain}'`;
  // A dated channel shows no date rustc would print, so ask rustup which toolchain is the default.
  return `rustup default 2>/dev/null | grep -q '^${toolchain}-'`;
}

/**
 * The SetupToolchain step for a toolchain: the official image where there is one (see rustImage),
 * and a fallback that keeps a matching rustc, else installs it with rustup (installing rustup
 * first, the official way, when it is missing) and makes it the default.
 */
export function rustToolchain(toolchain: string): Step {
  const install = [
    "if ! command -v rustup >/dev/null 2>&1; then",
    "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none --no-modify-path",
    ...linkOntoPath('"$HOME/.cargo/bin"', { replace: true })
      .split("\n")
      .map((l) => `  ${l}`),
    "fi",
    `rustup toolchain install ${toolchain} --profile minimal --component ${COMPONENTS.join(",")}`,
    `rustup default ${toolchain}`,
  ].join("\n");
  return toolchainStep({
    tool: "rust",
    version: toolchain,
    module: MODULE,
    image: rustImage(toolchain),
    install: checkThenInstall(checkFor(toolchain), install),
    options: { components: COMPONENTS.join(",") },
  });
}

/**
 * Adds clippy and rustfmt where rustup manages the toolchain, then fetches the crates Cargo.lock
 * locks. The official images keep CARGO_HOME in /usr/local/cargo, outside the cached ~/.cargo;
 * there its registry and git folders are made links into ~/.cargo (only when they do not exist
 * yet: nothing is moved or deleted), so the cache holds what cargo downloads. No shell variables:
 * Buildkite's upload would need them escaped, and the script must read the same everywhere.
 */
export function prepareStep(fetch: boolean): Step {
  const lines = [
    "if [ -w /usr/local/cargo ] && [ ! -e /usr/local/cargo/registry ] && [ ! -e /usr/local/cargo/git ]; then",
    "  mkdir -p ~/.cargo/registry ~/.cargo/git",
    "  ln -s ~/.cargo/registry ~/.cargo/git /usr/local/cargo/",
    "fi",
    `if command -v rustup >/dev/null 2>&1; then rustup component add ${COMPONENTS.join(" ")}; fi`,
    ...(fetch ? ["cargo fetch --locked"] : []),
  ];
  return runStep(fetch ? "Fetch crates" : "Add Rust components", lines.join("\n"));
}
