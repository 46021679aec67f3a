import type { PackageManagerName } from "./package-manager";
import type { PythonProject } from "./project";

/**
 * How a project's tools are run: inside the manager's environment for poetry, uv and pipenv, and
 * as modules of the interpreter for pip (`python3 -m pytest` works whether or not the scripts
 * directory is on PATH).
 */
const RUNNERS: Record<PackageManagerName, string> = {
  pip: "python3 -m",
  poetry: "poetry run",
  uv: "uv run",
  pipenv: "pipenv run",
};

/** Suggested commands for `cigen init`: lint, test and build, where the project says what it uses. */
export function suggestedCommands(project: PythonProject): { lint?: string; test: string; build?: string } {
  const run = RUNNERS[project.manager.name];
  const lint = project.tools.ruff ? `${run} ruff check .` : project.tools.flake8 ? `${run} flake8` : undefined;
  // Without pytest, the standard library's runner finds unittest-style tests.
  const unittest =
    project.manager.name === "pip" ? "python3 -m unittest discover" : `${run} python -m unittest discover`;
  return { lint, test: project.tools.pytest ? `${run} pytest` : unittest, build: buildCommand(project) };
}

function buildCommand(project: PythonProject): string | undefined {
  if (!project.buildable) return undefined;
  switch (project.manager.name) {
    case "poetry":
      return "poetry build";
    case "uv":
      return "uv build";
    default:
      // pip builds a wheel without the `build` package, which may not be installed.
      return "python3 -m pip wheel --no-deps --wheel-dir dist .";
  }
}
