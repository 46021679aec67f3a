import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const lock = (gems: string[]) =>
  [
    "GEM",
    "  remote: https://rubygems.org/",
    "  specs:",
    ...gems.map((g) => `    ${g} (1.0.0)`),
    "",
    "BUNDLED WITH",
    "   2.5.6",
    "",
  ].join("\n");

describe("lang/ruby detect", () => {
  it("says nothing about a repository without Ruby", async () => {
    const found = await detectIn(module, { "package.json": "{}", ".tool-versions": "ruby 3.3.0\n" });
    expect([found.confidence, found.signals, found.facts]).toEqual([0, [], {}]);
  });

  it("suggests RuboCop and RSpec from the lock file and reads Bundler's version", async () => {
    const found = await detectIn(module, {
      Gemfile: 'gem "rubocop"\ngem "rspec"\n',
      "Gemfile.lock": lock(["rubocop", "rspec-core", "rspec"]),
      ".ruby-version": "3.3.0",
      "lib/app.rb": "",
    });
    expect(found.confidence).toBe(1);
    expect(found.facts).toEqual({
      package: "ruby",
      source_files: "**/*.rb,**/*.rake,Gemfile,Gemfile.lock,.ruby-version",
      lint: "bundle exec rubocop",
      test: "bundle exec rspec",
      version: "3.3.0",
      version_source: ".ruby-version",
      package_manager: "bundler",
      bundler_version: "2.5.6",
      lock_files: "Gemfile.lock",
    });
    expect(found.signals.map((s) => [s.name, s.value])).toEqual([
      ["manifest", "Gemfile"],
      ["version", "3.3.0"],
      ["lock_file", "Gemfile.lock"],
      ["package_manager", "bundler@2.5.6"],
    ]);
  });

  it("recognises a Rails application and suggests its test runner", async () => {
    const found = await detectIn(module, {
      Gemfile: 'gem "rails"\n',
      "Gemfile.lock": lock(["rails", "standard"]),
      ".ruby-version": "3.3.0",
      "config/application.rb": "module Shop; class Application < Rails::Application; end; end\n",
      "bin/rails": "",
    });
    expect([found.facts.framework, found.facts.test, found.facts.lint]).toEqual([
      "rails",
      "bin/rails test",
      "bundle exec standardrb",
    ]);
    expect(found.facts.source_files).toBe(
      "**/*.rb,**/*.rake,app/**,config/**,db/**,Gemfile,Gemfile.lock,.ruby-version",
    );
    expect(found.signals.find((s) => s.name === "framework")?.evidence?.file).toBe("config/application.rb");
  });

  it("suggests rake test and gem build for a gem, and warns without a lock file", async () => {
    const found = await detectIn(module, {
      Gemfile: 'source "https://rubygems.org"\ngemspec\ngem "minitest"\n',
      "widget.gemspec": "",
      Rakefile: "",
      ".ruby-version": "3.2",
    });
    expect([found.facts.test, found.facts.build, found.facts.lock_files]).toEqual([
      "bundle exec rake test",
      "gem build widget.gemspec",
      undefined,
    ]);
    expect(found.facts.source_files).toBe("**/*.rb,**/*.rake,Rakefile,*.gemspec,Gemfile,.ruby-version");
    expect(found.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["RUBY-004", "Gemfile has no lock file: every CI run resolves gem versions afresh"],
    ]);
  });

  it("reads gems.rb and gems.locked", async () => {
    const found = await detectIn(module, {
      "gems.rb": 'gem "rspec"\n',
      "gems.locked": lock(["rspec-core"]),
      ".ruby-version": "3.3.0",
    });
    expect([found.facts.lock_files, found.facts.test]).toEqual(["gems.locked", "bundle exec rspec"]);
  });
});
