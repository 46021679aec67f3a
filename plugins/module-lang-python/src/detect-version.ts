import {
  type DetectedVersion,
  type TomlFile,
  tomlString,
  toolVersionsEntry,
  VersionSources,
  versionFileEntry,
} from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";
import { PythonCodes } from "./codes";
import { pythonSetupVersion, toSemverRange } from "./specifier";

/** Python's version when nothing pins one: a line every setup action and image has. */
export const DEFAULT_PYTHON_VERSION = "3.12";

/** Python's version: what to set up ("3.12.1", "3.12"; see pythonSetupVersion), from ".python-version", "pyproject.toml project.requires-python"... or "default". */
export type PythonVersion = DetectedVersion;

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
  const sources = new VersionSources({
    tool: "python",
    fallback: DEFAULT_PYTHON_VERSION,
    codes: PythonCodes,
    unusable: "no CPython version",
    hint: 'write a version ("3.12.1"), a minor ("3.12") or a range with a lower bound (">=3.11")',
  });
  const consider = (source: string, found: { value: string; at: SourceLocation } | undefined) =>
    sources.consider(source, found, (statement) => {
      const range = toSemverRange(statement);
      const setup = pythonSetupVersion(statement);
      if (setup === undefined || range === undefined) return undefined;
      // Ranges are compared in semver spelling (">=3.9,<3.13" -> ">=3.9 <3.13"); plain versions as written.
      return { compare: /^\d+(\.\d+){0,2}$/.test(statement) ? statement : range, setup };
    });
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
  return sources.pick();
}
