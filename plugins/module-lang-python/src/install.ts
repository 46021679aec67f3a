import { checkThenInstall, linkOntoPath, runStep, toolchainStep } from "@cigen/module-kit";
import type { Step } from "@cigen/protocol";
import type { PackageManager } from "./package-manager";

export const MODULE = "lang/python";

/**
 * Exits 0 unless the python3 on PATH is "externally managed" (PEP 668: Debian 12 and Ubuntu 23.04
 * onwards mark their system Python so, and the mark does not hold inside a virtual environment),
 * where pip refuses every install, the managers' own included. Found running a generated job for
 * real on a shell executor whose system Python had the pinned version.
 */
export const PIP_MAY_INSTALL = `python3 -c 'import os, sys, sysconfig; sys.exit(sys.prefix == sys.base_prefix and os.path.isfile(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'`;

/**
 * The SetupToolchain step for `version` ("3.12", "3.12.1"): the official `python:<version>` image,
 * and a fallback that keeps a matching python3 whose pip may install, else installs CPython with
 * mise (a prebuilt python-build-standalone build; python.org publishes no Linux binaries) and
 * links it into /usr/local/bin.
 */
export function pythonToolchain(version: string, manager: PackageManager): Step {
  const check = `python3 --version 2>&1 | grep -Eq '^Python ${version.replaceAll(".", "\\.")}(\\.|$)' && python3 -m pip --version >/dev/null 2>&1 && ${PIP_MAY_INSTALL}`;
  const install = [
    "curl -fsSL https://mise.run | sh",
    `"$HOME/.local/bin/mise" install python@${version}`,
    `python_bin="$("$HOME/.local/bin/mise" where python@${version})/bin"`,
    linkOntoPath('"$python_bin"', { replace: true }),
  ].join("\n");
  return toolchainStep({
    tool: "python",
    version,
    module: MODULE,
    image: `python:${version}`,
    install: checkThenInstall(check, install),
    options: { package_manager: manager.name },
  });
}

/** pip's scripts folder of the python3 on PATH (where `pip install` puts a tool's command). */
const SCRIPTS = `$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')`;

/**
 * Installs a manager with pip unless it is on the PATH already (at the version the lock file names,
 * when it names one). Where pip's scripts folder is not on the PATH (a Python the fallback
 * installed), the command is linked into /usr/local/bin. No shell variables: Buildkite's upload
 * would need them escaped, and the script must read the same everywhere.
 */
function ensureTool(tool: string, version: string | undefined): string {
  const link = `ln -sf "${SCRIPTS}/${tool}" /usr/local/bin/`;
  return [
    `if ! command -v ${tool} >/dev/null 2>&1; then`,
    `  python3 -m pip install "${version ? `${tool}==${version}` : tool}"`,
    `  if ! command -v ${tool} >/dev/null 2>&1; then`,
    `    if [ -w /usr/local/bin ]; then ${link}; else sudo ${link}; fi`,
    "  fi",
    "fi",
  ].join("\n");
}

/** The dependency install step for the detected manager, frozen to its lock file when there is one. */
export function installStep(manager: PackageManager): Step {
  const locked = manager.lockFiles.length > 0;
  switch (manager.name) {
    case "poetry":
      return runStep(
        "Install dependencies with poetry",
        `${ensureTool("poetry", manager.version)}\npoetry install --no-interaction`,
      );
    case "uv":
      return runStep(
        "Install dependencies with uv",
        `${ensureTool("uv", undefined)}\nuv sync${locked ? " --frozen" : ""}`,
      );
    case "pipenv":
      return runStep(
        "Install dependencies with pipenv",
        `${ensureTool("pipenv", undefined)}\npipenv install ${locked ? "--deploy " : ""}--dev`,
      );
    default: {
      // Without requirements files the project itself is installed (pyproject.toml or setup.py), editable so tests import the sources.
      const what = locked ? manager.lockFiles.map((f) => `-r ${f}`).join(" ") : "-e .";
      return runStep("Install dependencies with pip", `python3 -m pip install ${what}`);
    }
  }
}

/** Where each manager keeps what it downloads (and, for poetry and pipenv, its virtualenvs' sources). */
export const CACHE_PATHS: Record<PackageManager["name"], string[]> = {
  pip: ["~/.cache/pip"],
  poetry: ["~/.cache/pypoetry"],
  uv: ["~/.cache/uv"],
  pipenv: ["~/.cache/pipenv"],
};
