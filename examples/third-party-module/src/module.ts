import {
  checkThenInstall,
  evidence,
  InitFacts,
  listFact,
  planJobs,
  readRepoFile,
  runStep,
  toolchainStep,
} from "@cigen/module-kit";
import type { PluginDefinition } from "@cigen/plugin-sdk";

declare const __MODULE_VERSION__: string | undefined;
const VERSION = typeof __MODULE_VERSION__ === "string" ? __MODULE_VERSION__ : "0.0.0-dev";

/** The ShellCheck release this module sets up unless `with: { version }` says otherwise. */
const SHELLCHECK = "0.10.0";

/** Shell scripts in the repository: what makes the module relevant, and the job's inputs. */
function scripts(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith(".sh") || f.endsWith(".bash"));
}

function install(version: string): string {
  return checkThenInstall(
    `shellcheck --version 2>/dev/null | grep -q "version: ${version}"`,
    [
      `arch=$(uname -m); [ "$arch" = arm64 ] && arch=aarch64`,
      `curl -fsSL "https://github.com/koalaman/shellcheck/releases/download/v${version}/shellcheck-v${version}.linux.$arch.tar.xz" | tar -xJ -C /tmp`,
      `mkdir -p "$HOME/.local/bin" && mv "/tmp/shellcheck-v${version}/shellcheck" "$HOME/.local/bin/"`,
      `export PATH="$HOME/.local/bin:$PATH"`,
    ].join("\n"),
  );
}

/**
 * acme/shellcheck: `packages: [shellcheck]` sets ShellCheck up in a job and lints the
 * repository's shell scripts; `- uses: acme/shellcheck@^1` with `with: { version, files }` does the
 * same at that step. It exists to show a module written outside cigen, found in .cigen/plugins.
 */
export const shellcheck: PluginDefinition = {
  info: { name: "acme/shellcheck", version: VERSION, capabilities: ["module:acme/shellcheck", "package:shellcheck"] },
  hooks: {
    detect(snapshot) {
      const found = scripts(snapshot.files);
      if (found.length === 0) return { confidence: 0 };
      return {
        confidence: 1,
        signals: [{ name: "script", value: found[0], evidence: evidence(found[0]) }],
        facts: {
          [InitFacts.package]: "shellcheck",
          [InitFacts.sourceFiles]: listFact(["**/*.sh", "**/*.bash", ".shellcheckrc"]),
          [InitFacts.lint]: `shellcheck ${found.join(" ")}`,
          version: SHELLCHECK,
        },
      };
    },
    plan(request) {
      const rc = readRepoFile(request.repoRoot, ".shellcheckrc") === undefined ? [] : [".shellcheckrc"];
      return planJobs(request, (job) => {
        const steps = (version: string) => [
          toolchainStep({
            tool: "shellcheck",
            version,
            module: "acme/shellcheck",
            image: `koalaman/shellcheck-alpine:v${version}`,
            install: install(version),
          }),
        ];
        const values = { shellcheck: SHELLCHECK };
        return {
          setupSteps: job.packages.length ? steps(SHELLCHECK) : [],
          replacements: job.uses.map((use) => ({
            stepIndex: use.stepIndex,
            steps: [
              ...steps(use.with.version || SHELLCHECK),
              runStep("ShellCheck", `shellcheck ${use.with.files || "$(git ls-files '*.sh' '*.bash')"}`),
            ],
          })),
          signatureFiles: rc,
          signatureValues: values,
        };
      });
    },
  },
};
