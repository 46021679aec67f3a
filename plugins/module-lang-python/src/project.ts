import {
  evidence,
  findDependencies,
  readToml,
  type TomlFile,
  tomlEvidence,
  tomlValue,
  warning,
} from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { PythonCodes } from "./codes";
import { detectPythonVersion, type PythonVersion } from "./detect-version";
import { detectPackageManager, type PackageManager, requirementFiles } from "./package-manager";

/** Files at the root that make a repository a Python project. */
const PROJECT_FILES = ["pyproject.toml", "setup.py", "setup.cfg", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock"];

export type PythonTool = "pytest" | "ruff" | "flake8";

/** Config files that show a tool is used even when no manifest lists it. */
const TOOL_CONFIGS: Record<PythonTool, { files: string[]; pyproject: string[] }> = {
  pytest: { files: ["pytest.ini", "conftest.py"], pyproject: ["tool", "pytest"] },
  ruff: { files: ["ruff.toml", ".ruff.toml"], pyproject: ["tool", "ruff"] },
  flake8: { files: [".flake8"], pyproject: ["tool", "flake8"] },
};

/** What the repository root says about Python; the same reading serves Detect and Plan. */
export interface PythonProject {
  /** Files that make it a Python project; empty when it is none. */
  evidence: SourceLocation[];
  version: PythonVersion;
  manager: PackageManager;
  /** Whether there is anything to install (a manifest or lock file). */
  installable: boolean;
  /** pyproject.toml declares a build backend, so the project builds as a package. */
  buildable: boolean;
  tools: Partial<Record<PythonTool, SourceLocation>>;
  /** Lock and version files read, repository-relative, for work signatures. */
  signatureFiles: string[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the repository root, given the names of its files that a checkout has (rootFileNames):
 * only root files count (the steps run there), so a monorepo's nested Python packages need their
 * own jobs with `working_directory`.
 */
export function inspectPython(root: string, names: ReadonlySet<string>): PythonProject {
  const diagnostics: Diagnostic[] = [];
  const pyproject = names.has("pyproject.toml") ? toml(root, "pyproject.toml", diagnostics) : undefined;
  const pipfile = names.has("Pipfile") ? toml(root, "Pipfile", diagnostics) : undefined;
  const version = detectPythonVersion(root, names, pyproject, pipfile);
  const manager = detectPackageManager(root, names, pyproject);
  const requirements = requirementFiles(names);
  const found = [...PROJECT_FILES.filter((f) => names.has(f)), ...requirements];
  if (names.has(".python-version")) found.push(".python-version");
  const manifests = [
    ...requirements,
    ...["pyproject.toml", "setup.py", "setup.cfg", "Pipfile"].filter((f) => names.has(f)),
  ];
  return {
    evidence: found.map((f) => evidence(f)),
    version,
    manager,
    installable: manifests.length > 0 || manager.lockFiles.length > 0,
    buildable: pyproject !== undefined && tomlValue(pyproject, ["build-system"]) !== undefined,
    tools: detectTools(root, names, pyproject),
    signatureFiles: [...new Set([...manager.lockFiles, ...version.files, ...manifests])].sort(),
    diagnostics: [...diagnostics, ...version.diagnostics, ...manager.diagnostics],
  };
}

function toml(root: string, file: string, diagnostics: Diagnostic[]): TomlFile | undefined {
  const read = readToml(root, file);
  if (read && "error" in read) {
    diagnostics.push(
      warning(
        PythonCodes.UNREADABLE_FILE,
        `${file} is not valid TOML (${read.error}); the Python version and package manager it may state are ignored`,
        `fix ${file}`,
        evidence(file),
      ),
    );
  }
  return read && "toml" in read ? read.toml : undefined;
}

/** pytest, ruff and flake8: declared as a dependency, or configured by a file or pyproject.toml table. */
function detectTools(
  root: string,
  names: ReadonlySet<string>,
  pyproject: TomlFile | undefined,
): Partial<Record<PythonTool, SourceLocation>> {
  const tools: Partial<Record<PythonTool, SourceLocation>> = {};
  for (const dep of findDependencies(root, [...names].sort(), { python: Object.keys(TOOL_CONFIGS) })) {
    tools[dep.name as PythonTool] ??= dep.at;
  }
  for (const [tool, config] of Object.entries(TOOL_CONFIGS) as [PythonTool, (typeof TOOL_CONFIGS)[PythonTool]][]) {
    if (tools[tool]) continue;
    const file = config.files.find((f) => names.has(f));
    if (file) tools[tool] = evidence(file);
    else if (pyproject && tomlValue(pyproject, config.pyproject) !== undefined)
      tools[tool] = tomlEvidence(pyproject, config.pyproject);
  }
  return tools;
}
