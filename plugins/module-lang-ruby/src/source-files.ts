import type { RubyRepo } from "./ruby-repo";

/** The `source_files` globs of a Ruby project; a Rails app adds its views, config and database schema. */
export function sourceFileGlobs(repo: RubyRepo, files: readonly string[], versionFiles: readonly string[]): string[] {
  const globs = ["**/*.rb", "**/*.rake"];
  if (repo.rails) globs.push("app/**", "config/**", "db/**");
  if (files.includes("Rakefile")) globs.push("Rakefile");
  if (files.some((f) => /^[^/]+\.gemspec$/.test(f))) globs.push("*.gemspec");
  if (repo.manifest) globs.push(repo.manifest);
  if (repo.lock) globs.push(repo.lock);
  globs.push(...versionFiles);
  return [...new Set(globs)];
}
