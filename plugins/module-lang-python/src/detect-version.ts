import {
  pickVersion,
  type TomlFile,
  tomlString,
  toolVersionsEntry,
  type VersionFinding,
  versionFileEntry,
  warning,
} from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { PythonCodes } from "./codes";
import { pythonSetupVersion, toSemverRange } from "./specifier";

/** Python's version when nothing pins one: a line every setup action and image has. */
export const DEFAULT_PYTHON_VERSION = "3.12";

export interface PythonVersion {
  /** What to set up: "3.12.1", "3.12" (see pythonSetupVersion). */
  version: string;
  /** The winning source (".python-version", "pyproject.toml project.requires-python") or "default". */
  source: string;
  at?: SourceLocation;
  /** Every usable source as written in its file, for signals ("^3.11", "1.22.1"). */
  stated: { source: string; value: string; at: SourceLocation }[];
  /** Files that stated a usable version, for signatures. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Python's version from its sources in priority order: .python-version, .tool-versions,
 * pyproject.toml `project.requires-python`, pyproject.toml `tool.poetry.dependencies.python`,
 * Pipfile `[requires] python_full_version` / `python_version`. The pins come first; the ranges
 * after them say which versions the project supports, so a pin outside them is warned about.
 */
export function detectPythonVersion(
  root: string,
  names: ReadonlySet<string>,
  pyproject: TomlFile | undefined,
  pipfile: TomlFile | undefined,
): PythonVersion {
  const diagnostics: Diagnostic[] = [];
  const findings: VersionFinding[] = [];
  const setupVersions = new Map<string, string>();
  const stated: PythonVersion["stated"] = [];
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined) => {
    if (!found) return;
    const statement = found.value.trim();
    const range = toSemverRange(statement);
    const setup = pythonSetupVersion(statement);
    if (setup === undefined || range === undefined) {
      diagnostics.push(
        warning(
          PythonCodes.VERSION_UNUSABLE,
          `${source} says "${found.value}", which names no CPython version to set up; it is ignored`,
          'write a version ("3.12.1"), a minor ("3.12") or a range with a lower bound (">=3.11")',
          found.at,
        ),
      );
      return;
    }
    // Ranges are compared in semver spelling (">=3.9,<3.13" -> ">=3.9 <3.13"); plain versions as written.
    findings.push({ version: /^\d+(\.\d+){0,2}$/.test(statement) ? statement : range, source, at: found.at });
    stated.push({ source, value: found.value.trim(), at: found.at });
    setupVersions.set(source, setup);
  };
  if (names.has(".python-version")) consider(".python-version", versionFileEntry(root, ".python-version"));
  const toolVersions = names.has(".tool-versions") ? toolVersionsEntry(root, ["python"]) : undefined;
  consider(".tool-versions", toolVersions && { value: toolVersions.version, at: toolVersions.at });
  if (pyproject) {
    consider("pyproject.toml project.requires-python", tomlString(pyproject, ["project", "requires-python"]));
    consider(
      "pyproject.toml tool.poetry.dependencies.python",
      tomlString(pyproject, ["tool", "poetry", "dependencies", "python"]),
    );
  }
  if (pipfile) {
    consider(
      "Pipfile requires",
      tomlString(pipfile, ["requires", "python_full_version"]) ?? tomlString(pipfile, ["requires", "python_version"]),
    );
  }
  const picked = pickVersion("python", findings, DEFAULT_PYTHON_VERSION, {
    conflict: PythonCodes.VERSION_CONFLICT,
    defaulted: PythonCodes.VERSION_DEFAULTED,
  });
  return {
    version: setupVersions.get(picked.source) ?? picked.version,
    source: picked.source,
    at: picked.at,
    stated,
    files: [...new Set(findings.map((f) => f.at.file))],
    diagnostics: [...diagnostics, ...picked.diagnostics],
  };
}
