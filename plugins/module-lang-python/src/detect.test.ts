import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe("lang/python detect: the version", () => {
  it("says nothing about a repository without Python project files", async () => {
    const r = await detectIn(module, { "package.json": "{}", ".tool-versions": "python 3.11.4\n" });
    expect([r.confidence, r.signals, r.facts, r.diagnostics]).toEqual([0, [], {}, []]);
  });

  it("takes .python-version first, pointing at it", async () => {
    const r = await detectIn(module, {
      ".python-version": "# pyenv\n3.12.1\n",
      ".tool-versions": "python 3.12.1\n",
      "requirements.txt": "requests==2.31.0\n",
    });
    expect(r.confidence).toBe(1);
    expect([r.facts.version, r.facts.version_source, r.facts.package]).toEqual(["3.12.1", ".python-version", "python"]);
    const signal = r.signals.find((s) => s.name === "version");
    expect([signal?.value, signal?.evidence?.file, signal?.evidence?.line, signal?.evidence?.snippet]).toEqual([
      "3.12.1",
      ".python-version",
      2,
      "3.12.1",
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reads .tool-versions when there is no .python-version", async () => {
    const r = await detectIn(module, { ".tool-versions": "nodejs 20.11.1\npython 3.11.9\n", "setup.py": "" });
    expect([r.facts.version, r.facts.version_source]).toEqual(["3.11.9", ".tool-versions"]);
  });

  it("sets up the lowest release line of project.requires-python", async () => {
    const r = await detectIn(module, {
      "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.11"\n',
    });
    expect([r.facts.version, r.facts.version_source]).toEqual(["3.11", "pyproject.toml project.requires-python"]);
    const at = r.signals.find((s) => s.name === "version")?.evidence;
    expect([at?.line, at?.column]).toEqual([3, 19]);
  });

  it("reads PEP 440 specifier lists and compatible releases", async () => {
    const list = await detectIn(module, { "pyproject.toml": '[project]\nrequires-python = ">=3.9, <3.13, !=3.9.1"\n' });
    const compatible = await detectIn(module, { "pyproject.toml": '[project]\nrequires-python = "~=3.10"\n' });
    expect([list.facts.version, compatible.facts.version]).toEqual(["3.9", "3.10"]);
    // Signals carry the statement as written; only comparisons use the semver spelling.
    expect(list.signals.find((s) => s.name === "version")?.value).toBe(">=3.9, <3.13, !=3.9.1");
  });

  it("reads Poetry's python constraint", async () => {
    const r = await detectIn(module, {
      "pyproject.toml":
        '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.10"\nrequests = "^2.31"\n',
    });
    expect([r.facts.version, r.facts.version_source]).toEqual([
      "3.10",
      "pyproject.toml tool.poetry.dependencies.python",
    ]);
    expect(r.signals.find((s) => s.name === "version")?.evidence?.line).toBe(5);
  });

  it("reads Pipfile [requires], the full version before the minor", async () => {
    const minor = await detectIn(module, {
      Pipfile: '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.11"\n',
    });
    const full = await detectIn(module, {
      Pipfile: '[requires]\npython_version = "3.11"\npython_full_version = "3.11.8"\n',
    });
    expect([minor.facts.version, minor.facts.version_source]).toEqual(["3.11", "Pipfile requires"]);
    expect(full.facts.version).toBe("3.11.8");
  });

  it("warns when a pin lies outside the supported range, naming both places", async () => {
    const r = await detectIn(module, {
      ".python-version": "3.12.1\n",
      "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.9,<3.12"\n',
    });
    expect(r.facts.version).toBe("3.12.1");
    expect(codes(r)).toEqual(["PY-001"]);
    expect(r.diagnostics[0].message).toBe(
      "python versions disagree: .python-version says 3.12.1 (used), pyproject.toml project.requires-python says >=3.9 <3.12 (pyproject.toml:3)",
    );
    expect(r.diagnostics[0].loc?.file).toBe(".python-version");
  });

  it("does not warn about a pin inside the supported range", async () => {
    const r = await detectIn(module, {
      ".python-version": "3.12.1\n",
      "pyproject.toml": '[project]\nrequires-python = ">=3.10"\n',
    });
    expect(r.diagnostics).toEqual([]);
  });

  it("warns about two pins that disagree", async () => {
    const r = await detectIn(module, {
      ".python-version": "3.12\n",
      ".tool-versions": "python 3.11.9\n",
      "setup.py": "",
    });
    expect([r.facts.version, ...codes(r)]).toEqual(["3.12", "PY-001"]);
    expect(r.diagnostics[0].message).toContain(".tool-versions says 3.11.9 (.tool-versions:1)");
  });

  it("uses 3.12 with a warning when nothing pins a version", async () => {
    const r = await detectIn(module, { "requirements.txt": "flask\n" });
    expect([r.facts.version, r.facts.version_source, ...codes(r)]).toEqual(["3.12", "default", "PY-002"]);
  });

  it("ignores what names no CPython version, with a warning", async () => {
    const r = await detectIn(module, {
      ".python-version": "system\n",
      ".tool-versions": "python 3.11.9\n",
      "setup.py": "",
    });
    expect([r.facts.version, ...codes(r)]).toEqual(["3.11.9", "PY-003"]);
    expect(r.diagnostics[0].loc?.file).toBe(".python-version");
  });

  it("warns about a pyproject.toml that is not TOML and goes on", async () => {
    const r = await detectIn(module, { "pyproject.toml": "[project\nrequires-python = '>=3.11'\n" });
    expect([r.confidence, r.facts.version, ...codes(r)]).toEqual([1, "3.12", "PY-004", "PY-002"]);
  });
});

describe("lang/python detect: the package manager", () => {
  const managerOf = async (files: Record<string, string>) => {
    const r = await detectIn(module, files);
    return [r.facts.package_manager, r.facts.lock_files, r.facts.package_manager_version];
  };

  it("knows each manager by its lock file", async () => {
    expect(await managerOf({ "pyproject.toml": "[project]\n", "uv.lock": "version = 1\n" })).toEqual([
      "uv",
      "uv.lock",
      undefined,
    ]);
    expect(
      await managerOf({
        "pyproject.toml": "[tool.poetry]\n",
        "poetry.lock": "# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.\n",
      }),
    ).toEqual(["poetry", "poetry.lock", "1.8.3"]);
    expect(await managerOf({ Pipfile: "[packages]\n", "Pipfile.lock": "{}" })).toEqual([
      "pipenv",
      "Pipfile.lock",
      undefined,
    ]);
  });

  it("knows poetry and uv by their pyproject.toml tables when there is no lock file", async () => {
    const r = await detectIn(module, {
      "pyproject.toml": '[project]\nname = "x"\n\n[tool.poetry]\npackage-mode = false\n',
    });
    const signal = r.signals.find((s) => s.name === "package_manager");
    expect([signal?.value, signal?.evidence?.line]).toEqual(["poetry", 4]);
    expect(await managerOf({ "pyproject.toml": "[tool.uv]\ndev-dependencies = []\n" })).toEqual([
      "uv",
      undefined,
      undefined,
    ]);
  });

  it("installs requirements*.txt with pip, requirements.txt first", async () => {
    const r = await detectIn(module, {
      "requirements-dev.txt": "pytest\n",
      "requirements.txt": "flask\n",
      "docs/requirements.txt": "sphinx\n",
    });
    expect([r.facts.package_manager, r.facts.lock_files]).toEqual(["pip", "requirements.txt,requirements-dev.txt"]);
    expect(r.signals.filter((s) => s.name === "lock_file").map((s) => s.value)).toEqual([
      "requirements.txt",
      "requirements-dev.txt",
    ]);
  });

  it("warns when several managers' lock files exist and takes the first", async () => {
    const r = await detectIn(module, { "poetry.lock": "", "uv.lock": "", "pyproject.toml": "" });
    expect([r.facts.package_manager, ...codes(r)]).toEqual(["uv", "PY-002", "PY-005"]);
    expect(r.diagnostics[1].message).toBe(
      "lock files of several package managers: uv.lock, poetry.lock; using uv (uv.lock)",
    );
  });
});

describe("lang/python detect: suggested commands", () => {
  it("runs pytest and ruff as modules with pip", async () => {
    const r = await detectIn(module, {
      "requirements.txt": "flask==3.0.0\npytest>=8\n",
      "pyproject.toml": "[tool.ruff]\nline-length = 100\n",
    });
    expect([r.facts.test, r.facts.lint, r.facts.build]).toEqual([
      "python3 -m pytest",
      "python3 -m ruff check .",
      undefined,
    ]);
    expect(r.signals.filter((s) => s.name === "dependency").map((s) => [s.value, s.evidence?.file])).toEqual([
      ["pytest", "requirements.txt"],
      ["ruff", "pyproject.toml"],
    ]);
    expect(r.facts.source_files).toBe("**/*.py,pyproject.toml,requirements.txt");
  });

  it("runs tools inside the manager's environment and builds with it", async () => {
    const r = await detectIn(module, {
      "pyproject.toml":
        '[tool.poetry]\nname = "x"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\nflake8 = "^7"\n\n[build-system]\nrequires = ["poetry-core"]\n',
      "poetry.lock": "",
    });
    expect([r.facts.test, r.facts.lint, r.facts.build]).toEqual([
      "poetry run pytest",
      "poetry run flake8",
      "poetry build",
    ]);
  });

  it("falls back to unittest without pytest", async () => {
    const pip = await detectIn(module, { "setup.py": "" });
    const uv = await detectIn(module, { "uv.lock": "", "pyproject.toml": "" });
    expect([pip.facts.test, uv.facts.test, pip.facts.lint]).toEqual([
      "python3 -m unittest discover",
      "uv run python -m unittest discover",
      undefined,
    ]);
  });
});
