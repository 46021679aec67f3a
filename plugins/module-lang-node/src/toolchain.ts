import { checkThenInstall, toolchainStep } from "@cigen/module-kit";
import type { Step } from "@cigen/protocol";
import { nodeImage } from "./detect-version";
import type { PackageManager } from "./package-manager";

const INDEX = "https://nodejs.org/dist/index.json";

/**
 * The SetupToolchain step for Node.js `version` (a setup version: "20.11.1", "20", "lts/*",
 * "lts/iron" or "node"). Its fallback installs the official linux tarball from nodejs.org into
 * /usr/local, which is on every PATH, so later steps find node, npm and corepack without help.
 */
export function nodeToolchain(version: string, pm: PackageManager): Step {
  const options: Record<string, string> = { package_manager: pm.name };
  if (pm.version) options.package_manager_version = pm.version;
  return toolchainStep({
    tool: "node",
    version,
    module: "lang/node",
    image: nodeImage(version),
    install: checkThenInstall(nodeCheck(version), nodeInstall(version)),
    options,
  });
}

/** Succeeds only when the node on PATH is the wanted version (or within the wanted line). */
function nodeCheck(version: string): string {
  if (/^\d+\.\d+\.\d+$/.test(version)) return `[ "$(node --version 2>/dev/null)" = "v${version}" ]`;
  if (/^\d+(\.\d+)?$/.test(version)) return `node --version 2>/dev/null | grep -q '^v${escapeDots(version)}\\.'`;
  return `[ "$(node --version 2>/dev/null)" = "$(${resolve(version)})" ]`;
}

/**
 * Resolves the version with nodejs.org's release index (newest first, one object per release, so
 * splitting at "{" gives one line per release), downloads the tarball for this machine and copies
 * it into /usr/local (with sudo when not root, as on a CI VM).
 */
function nodeInstall(version: string): string {
  const exact = /^\d+\.\d+\.\d+$/.test(version);
  return [
    ...(exact
      ? [`v=v${version}`]
      : [`v=$(${resolve(version)})`, `[ -n "$v" ] || { echo "no Node.js release matches ${version}" >&2; exit 1; }`]),
    'case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac',
    'sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo',
    "tmp=$(mktemp -d)",
    'curl -fsSL "https://nodejs.org/dist/$v/node-$v-linux-$arch.tar.gz" | tar -xz -C "$tmp" --strip-components=1',
    '$sudo cp -R "$tmp/bin" "$tmp/include" "$tmp/lib" "$tmp/share" /usr/local/',
    'rm -rf "$tmp"',
    "node --version",
  ].join("\n");
}

/**
 * Shell printing the newest release ("v20.11.1") that `version` (a line or an alias) means. `sed`
 * rather than `head` picks the first line: it reads to the end, so no writer dies of SIGPIPE,
 * which under `set -o pipefail` (GitHub's default shell) would fail the step.
 */
function resolve(version: string): string {
  const filter =
    version === "lts/*"
      ? `grep '"lts":"'`
      : version.startsWith("lts/")
        ? `grep -i '"lts":"${version.slice(4)}"'`
        : /^\d/.test(version)
          ? `grep '"version":"v${escapeDots(version)}\\.'`
          : `grep '"version":"v'`;
  return `curl -fsSL ${INDEX} | tr '{' '\\n' | ${filter} | sed -n 1p | grep -o '"version":"v[0-9.]*' | cut -d '"' -f 4`;
}

function escapeDots(version: string): string {
  return version.replaceAll(".", "\\.");
}
