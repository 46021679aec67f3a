import type { RubyRepo } from "./ruby-repo";

/**
 * Suggested lint, test and build commands from the gems the project locks: RuboCop or Standard
 * for lint; RSpec, else Rails' test runner in a Rails app, else `rake test` when there is a
 * Rakefile; `gem build` for a gem's gemspec.
 */
export function suggestedCommands(
  repo: RubyRepo,
  files: readonly string[],
): { lint?: string; test?: string; build?: string } {
  const has = (gem: string) => repo.gems.has(gem);
  const out: { lint?: string; test?: string; build?: string } = {};
  if (has("rubocop")) out.lint = "bundle exec rubocop";
  else if (has("standard")) out.lint = "bundle exec standardrb";
  if (has("rspec-core") || has("rspec") || has("rspec-rails")) out.test = "bundle exec rspec";
  else if (repo.rails) out.test = files.includes("bin/rails") ? "bin/rails test" : "bundle exec rails test";
  else if (files.includes("Rakefile")) out.test = "bundle exec rake test";
  const gemspec = files.find((f) => /^[^/]+\.gemspec$/.test(f));
  if (gemspec) out.build = `gem build ${gemspec}`;
  return out;
}
