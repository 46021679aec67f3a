import { create } from "@bufbuild/protobuf";
import { evidence, InitFacts, listFact } from "@cigen/module-kit";
import type { Hook } from "@cigen/plugin-sdk";
import { type Signal, SignalSchema, type SourceLocation } from "@cigen/protocol";
import { suggestedCommands } from "./commands";
import { isNodeRepo, managerLabel, readNodeRepo, signatureFiles } from "./node-repo";
import { sourceFileGlobs } from "./source-files";

/**
 * Detect: a package.json, .nvmrc or .node-version at the repository root means Node.js. Facts
 * carry what `cigen init` needs (package, source_files, lint/test/build from package.json scripts)
 * and what was found (version, its source, the package manager, lock files, workspaces).
 */
export const detect: Hook<"detect"> = (snapshot) => {
  const root = snapshot.root;
  if (!isNodeRepo(root)) return { confidence: 0 };
  const repo = readNodeRepo(root);
  const { version, pm, workspaces } = repo;

  const signals: Signal[] = [];
  const signal = (name: string, value: string, at: SourceLocation) =>
    signals.push(create(SignalSchema, { name, value, evidence: at }));
  if (repo.pkg) signal("manifest", "package.json", evidence("package.json"));
  if (version.at) signal("version", version.version, version.at);
  signal("package_manager", managerLabel(pm, "@"), pm.at);
  for (const lock of pm.lockFiles) signal("lock_file", lock, evidence(lock));
  if (workspaces.length) {
    const file = pm.configFiles.includes("pnpm-workspace.yaml") ? "pnpm-workspace.yaml" : "package.json";
    signal("workspaces", listFact(workspaces), evidence(file));
  }

  const members = workspaces.length
    ? snapshot.files.filter(
        (f) => f !== "package.json" && /(^|\/)package\.json$/.test(f) && !f.includes("node_modules/"),
      )
    : [];
  const facts: Record<string, string> = {
    [InitFacts.package]: "node",
    [InitFacts.sourceFiles]: listFact(
      sourceFileGlobs(
        snapshot.files,
        workspaces,
        signatureFiles(repo).filter((f) => f !== "package.json"),
      ),
    ),
    ...suggestedCommands(root, repo.pkg, pm, members),
    version: version.version,
    version_source: version.source,
    package_manager: pm.name,
  };
  if (pm.version) facts.package_manager_version = pm.version;
  if (pm.yarn) facts.yarn = pm.yarn;
  if (pm.lockFiles.length) facts.lock_files = listFact(pm.lockFiles);
  if (workspaces.length) facts.workspaces = listFact(workspaces);

  return { confidence: 1, signals, facts, diagnostics: [...version.diagnostics, ...pm.diagnostics] };
};
