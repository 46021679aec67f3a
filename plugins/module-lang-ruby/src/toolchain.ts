import { checkThenInstall, toolchainStep } from "@cigen/module-kit";
import type { Step } from "@cigen/protocol";

const RUBY_BUILD = "https://github.com/rbenv/ruby-build/archive/refs/heads/master.tar.gz";
/** What ruby-build needs to compile Ruby on Debian and Ubuntu (its wiki's list, without the optional ones). */
const BUILD_DEPS = "build-essential autoconf libssl-dev libyaml-dev zlib1g-dev libffi-dev libgmp-dev libreadline-dev";

/**
 * The SetupToolchain step for Ruby `version` ("3.3.0", "3.3"). Ruby publishes no Linux binaries,
 * so the fallback compiles it with ruby-build (rbenv's installer, a plain shell script) into
 * /usr/local, installing the build dependencies first where apt-get exists. It takes minutes;
 * setup-ruby on GitHub and the official images elsewhere are the fast paths.
 */
export function rubyToolchain(version: string, bundler: string | undefined): Step {
  return toolchainStep({
    tool: "ruby",
    version,
    module: "lang/ruby",
    image: `ruby:${version}`,
    install: checkThenInstall(rubyCheck(version), rubyInstall(version)),
    options: bundler ? { bundler } : {},
  });
}

const RUBY_VERSION = `ruby -e 'print RUBY_VERSION' 2>/dev/null`;

/** Succeeds only when the ruby on PATH is the wanted version (or within the wanted line). */
function rubyCheck(version: string): string {
  if (/^\d+\.\d+\.\d+$/.test(version)) return `[ "$(${RUBY_VERSION})" = "${version}" ]`;
  if (/^\d+(\.\d+)?$/.test(version)) return `${RUBY_VERSION} | grep -q '^${escapeDots(version)}\\.'`;
  // A prerelease reports its release's number (3.4.0-preview1 says 3.4.0); never taken as installed.
  return "false";
}

function rubyInstall(version: string): string {
  const line = /^\d+(\.\d+)?$/.test(version);
  return [
    'sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo',
    "if command -v apt-get >/dev/null; then",
    `  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${BUILD_DEPS}`,
    "fi",
    "tmp=$(mktemp -d)",
    `curl -fsSL ${RUBY_BUILD} | tar -xz -C "$tmp" --strip-components=1`,
    // A release line installs its newest patch release; ruby-build lists its definitions in version order.
    line
      ? `v=$("$tmp/bin/ruby-build" --definitions | grep -E '^${escapeDots(version)}\\.[0-9]+$' | tail -n 1)`
      : `v=${version}`,
    '$sudo "$tmp/bin/ruby-build" "$v" /usr/local',
    'rm -rf "$tmp"',
    "ruby --version",
  ].join("\n");
}

function escapeDots(version: string): string {
  return version.replaceAll(".", "\\.");
}
