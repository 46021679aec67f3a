import { evidence, InitFacts, listFact, rootNamesOf } from "@cigen/module-kit";
import type { RepoSnapshot } from "@cigen/protocol";
import { inspectGo, suggestedCommands } from "./project";

/** Detect: a repository is a Go module when its root has a go.mod. */
export function detectGo(snapshot: RepoSnapshot) {
  const project = inspectGo(snapshot.root, rootNamesOf(snapshot.files));
  const { goMod, version } = project;
  if (!goMod) return { confidence: 0 };
  const commands = suggestedCommands(project);
  const signals = [
    ...version.stated.map((s) => ({ name: "version", value: s.value, evidence: s.at })),
    ...(goMod.module ? [{ name: "module", value: goMod.module.value, evidence: goMod.module.at }] : []),
    ...project.lockFiles.map((file) => ({ name: "lock_file", value: file, evidence: evidence(file) })),
    ...(project.golangci ? [{ name: "linter", value: "golangci-lint", evidence: project.golangci }] : []),
  ];
  const facts: Record<string, string> = {
    [InitFacts.package]: "go",
    [InitFacts.sourceFiles]: listFact(["**/*.go", ...project.signatureFiles]),
    [InitFacts.lint]: commands.lint,
    [InitFacts.test]: commands.test,
    [InitFacts.build]: commands.build,
    version: version.version,
    version_source: version.source,
  };
  if (goMod.module) facts.module = goMod.module.value;
  if (project.lockFiles.length) facts.lock_files = listFact(project.lockFiles);
  return { confidence: 1, signals, facts, diagnostics: project.diagnostics };
}
