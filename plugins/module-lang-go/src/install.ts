import { checkThenInstall, linkOntoPath, runStep, toolchainStep } from "@cigen/module-kit";
import type { Step } from "@cigen/protocol";

export const MODULE = "lang/go";

/** Where Go keeps downloaded modules and build results (GOMODCACHE and GOCACHE by default). */
export const CACHE_PATHS = ["~/go/pkg/mod", "~/.cache/go-build"];

/**
 * The SetupToolchain step for `version` ("1.22", "1.22.1"): the official `golang:<version>` image,
 * and a fallback that keeps a matching `go` on PATH, else installs the official tarball from
 * go.dev/dl (the newest patch of a "1.22" line, found in go.dev's release list) into /usr/local/go.
 */
export function goToolchain(version: string): Step {
  const escaped = version.replaceAll(".", "\\.");
  const exact = /^\d+\.\d+\.\d+$/.test(version);
  // GOTOOLCHAIN=local: a go.mod asking for a newer Go must not make the check download one.
  const check = `GOTOOLCHAIN=local go version 2>/dev/null | grep -Eq 'go${escaped}${exact ? "" : "(\\.[0-9]+)?"} '`;
  const release = exact
    ? `go_version=go${version}`
    : `go_version="$(curl -fsSL 'https://go.dev/dl/?mode=json&include=all' | grep -Eo '"go${escaped}(\\.[0-9]+)?"' | tr -d '"' | sort -t. -k3,3n | tail -n 1)"`;
  const install = [
    'case "$(uname -m)" in aarch64 | arm64) go_arch=arm64 ;; *) go_arch=amd64 ;; esac',
    release,
    'curl -fsSLo /tmp/go.tar.gz "https://go.dev/dl/$go_version.linux-$go_arch.tar.gz"',
    "if [ -w /usr/local ]; then rm -rf /usr/local/go && tar -C /usr/local -xzf /tmp/go.tar.gz; else sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf /tmp/go.tar.gz; fi",
    "rm -f /tmp/go.tar.gz",
    linkOntoPath("/usr/local/go/bin", { replace: true }),
  ].join("\n");
  return toolchainStep({
    tool: "go",
    version,
    module: MODULE,
    image: `golang:${version}`,
    install: checkThenInstall(check, install),
  });
}

/**
 * Downloads the modules go.sum locks. The golang images set GOPATH=/go, which would put the module
 * cache outside the cached ~/go/pkg/mod; `go env -w` (a per-user setting every later step's go
 * reads) points it there, and changes nothing where it already is.
 */
export function downloadStep(): Step {
  return runStep(
    "Download Go modules",
    [
      'if [ "$(go env GOMODCACHE)" != "$HOME/go/pkg/mod" ]; then go env -w GOMODCACHE="$HOME/go/pkg/mod"; fi',
      "go mod download",
    ].join("\n"),
  );
}
