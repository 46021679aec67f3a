import { evidence, InitFacts, listFact, rootNamesOf } from "@cigen/module-kit";
import type { RepoSnapshot } from "@cigen/protocol";
import { inspectRust, suggestedCommands } from "./project";

/** Detect: a repository is a Rust project when its root has a Cargo.toml. */
export function detectRust(snapshot: RepoSnapshot) {
  const project = inspectRust(snapshot.root, rootNamesOf(snapshot.files));
  if (!project.cargo) return { confidence: 0 };
  const { version } = project;
  const commands = suggestedCommands();
  const signals = [
    { name: "manifest", value: project.workspace ? "workspace" : "package", evidence: evidence("Cargo.toml") },
    ...version.stated.map((s) => ({ name: "version", value: s.value, evidence: s.at })),
    ...project.lockFiles.map((file) => ({ name: "lock_file", value: file, evidence: evidence(file) })),
  ];
  const facts: Record<string, string> = {
    [InitFacts.package]: "rust",
    [InitFacts.sourceFiles]: listFact(["**/*.rs", ...project.signatureFiles]),
    [InitFacts.lint]: commands.lint,
    [InitFacts.test]: commands.test,
    [InitFacts.build]: commands.build,
    version: version.version,
    version_source: version.source,
  };
  if (version.msrv) facts.msrv = version.msrv;
  if (project.lockFiles.length) facts.lock_files = listFact(project.lockFiles);
  return { confidence: 1, signals, facts, diagnostics: project.diagnostics };
}
