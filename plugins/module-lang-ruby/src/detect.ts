import { create } from "@bufbuild/protobuf";
import { evidence, InitFacts, listFact } from "@cigen/module-kit";
import type { Hook } from "@cigen/plugin-sdk";
import { type Signal, SignalSchema, type SourceLocation } from "@cigen/protocol";
import { suggestedCommands } from "./commands";
import { noLockFile } from "./lock-warning";
import { isRubyRepo, readRubyRepo } from "./ruby-repo";
import { sourceFileGlobs } from "./source-files";

/**
 * Detect: a Gemfile (or gems.rb), a Gemfile.lock, .ruby-version or a gemspec at the repository
 * root means Ruby. Facts carry what `cigen init` needs (package, source_files, suggested commands)
 * and what was found (version and its source, Bundler's version, the lock file, Rails).
 */
export const detect: Hook<"detect"> = (snapshot) => {
  const { root, files } = snapshot;
  if (!isRubyRepo(root, files)) return { confidence: 0 };
  const repo = readRubyRepo(root);

  const signals: Signal[] = [];
  const signal = (name: string, value: string, at: SourceLocation) =>
    signals.push(create(SignalSchema, { name, value, evidence: at }));
  if (repo.manifest) signal("manifest", repo.manifest, evidence(repo.manifest));
  if (repo.version.at) signal("version", repo.version.version, repo.version.at);
  if (repo.lock) signal("lock_file", repo.lock, evidence(repo.lock));
  if (repo.bundler) signal("package_manager", `bundler@${repo.bundler}`, evidence(repo.lock ?? "Gemfile.lock"));
  if (repo.rails) signal("framework", "rails", evidence("config/application.rb"));

  const versionFiles = repo.version.files.filter((f) => f !== repo.manifest && f !== repo.lock);
  const facts: Record<string, string> = {
    [InitFacts.package]: "ruby",
    [InitFacts.sourceFiles]: listFact(sourceFileGlobs(repo, files, versionFiles)),
    ...suggestedCommands(repo, files),
    version: repo.version.version,
    version_source: repo.version.source,
    package_manager: "bundler",
  };
  if (repo.bundler) facts.bundler_version = repo.bundler;
  if (repo.lock) facts.lock_files = repo.lock;
  if (repo.rails) facts.framework = "rails";

  const diagnostics = [...repo.version.diagnostics];
  if (repo.manifest && !repo.lock) diagnostics.push(noLockFile(repo.manifest));
  return { confidence: 1, signals, facts, diagnostics };
};
