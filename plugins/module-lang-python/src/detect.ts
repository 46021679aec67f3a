import { evidence, InitFacts, listFact, rootNamesOf } from "@cigen/module-kit";
import type { RepoSnapshot } from "@cigen/protocol";
import { suggestedCommands } from "./commands";
import { inspectPython } from "./project";

/**
 * Detect: a repository is a Python project when its root has a pyproject.toml, setup.py,
 * setup.cfg, requirements*.txt, Pipfile, a lock file (poetry.lock, uv.lock, Pipfile.lock) or a
 * .python-version. Signals carry every version source, the manager, lock files and tools found.
 */
export function detectPython(snapshot: RepoSnapshot) {
  const project = inspectPython(snapshot.root, rootNamesOf(snapshot.files));
  if (!project.evidence.length) return { confidence: 0 };
  const { version, manager, tools } = project;
  const commands = suggestedCommands(project);
  const signals = [
    ...version.stated.map((s) => ({ name: "version", value: s.value, evidence: s.at })),
    { name: "package_manager", value: manager.name, evidence: manager.at },
    ...manager.lockFiles.map((file) => ({ name: "lock_file", value: file, evidence: evidence(file) })),
    ...Object.entries(tools).map(([tool, at]) => ({ name: "dependency", value: tool, evidence: at })),
  ];
  const facts: Record<string, string> = {
    [InitFacts.package]: "python",
    [InitFacts.sourceFiles]: listFact(["**/*.py", ...project.signatureFiles]),
    [InitFacts.test]: commands.test,
    version: version.version,
    version_source: version.source,
    package_manager: manager.name,
  };
  if (commands.lint) facts[InitFacts.lint] = commands.lint;
  if (commands.build) facts[InitFacts.build] = commands.build;
  if (manager.version) facts.package_manager_version = manager.version;
  if (manager.lockFiles.length) facts.lock_files = listFact(manager.lockFiles);
  return { confidence: 1, signals, facts, diagnostics: project.diagnostics };
}
