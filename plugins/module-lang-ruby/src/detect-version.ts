import {
  type DetectedVersion,
  toolVersionsEntry,
  VersionSources,
  versionFileEntry,
  versionLine,
} from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";
import { RubyCodes } from "./codes";
import { gemRequirementRange } from "./gem-requirement";
import { type GemfileLock, gemfileRuby } from "./gemfile";

/** Ruby's version when nothing pins one. */
export const DEFAULT_RUBY_VERSION = "3.3";

/** Ruby's version: what to set up ("3.3.0", "3.3"; see rubySetupVersion), from ".ruby-version", "Gemfile.lock RUBY VERSION"... or "default". */
export type DetectedRubyVersion = Omit<DetectedVersion, "stated">;

/**
 * Ruby's version from its sources in priority order: .ruby-version, .tool-versions, the Gemfile's
 * `ruby` directive, Gemfile.lock's RUBY VERSION. The first wins; the others are checked against it.
 * A Gemfile requirement takes part as the semver range it means ("~> 3.2" as ">=3.2 <4").
 */
export function detectRubyVersion(
  root: string,
  manifest: string | undefined,
  lock: { file: string; content: GemfileLock } | undefined,
): DetectedRubyVersion {
  const sources = new VersionSources({
    tool: "ruby",
    fallback: DEFAULT_RUBY_VERSION,
    codes: RubyCodes,
    unusable: "no CRuby version",
    hint: 'write a version ("3.3.0"), a release line ("3.3") or, in the Gemfile, a requirement ("~> 3.3.0")',
  });
  // `version` is what `written` means ("~> 3.2" as ">=3.2 <4"), undefined when it means nothing usable.
  const consider = (source: string, version: string | undefined, written: string, at: SourceLocation) =>
    sources.consider(source, { value: written, at }, () => {
      if (version === undefined) return undefined;
      const setup = rubySetupVersion(version);
      return setup === undefined ? undefined : { compare: version, setup };
    });

  const rubyVersion = versionFileEntry(root, ".ruby-version");
  if (rubyVersion) {
    // rbenv and chruby accept "3.3.0"; rvm writes "ruby-3.3.0" (and "@gemset" suffixes elsewhere).
    consider(".ruby-version", rubyVersion.value.replace(/^ruby-/, ""), rubyVersion.value, rubyVersion.at);
  }
  const asdf = toolVersionsEntry(root, ["ruby"]);
  if (asdf) consider(".tool-versions", asdf.version.replace(/^ruby-/, ""), asdf.version, asdf.at);
  const directive = manifest ? gemfileRuby(root, manifest) : undefined;
  if (directive && manifest) {
    consider(manifest, gemRequirementRange(directive.requirements), directive.requirements.join(", "), directive.at);
  }
  if (lock?.content.ruby) {
    consider(`${lock.file} RUBY VERSION`, lock.content.ruby.value, lock.content.ruby.value, lock.content.ruby.at);
  }

  const { version, source, at, files, diagnostics } = sources.pick();
  return { version, source, at, files, diagnostics };
}

/**
 * The version setup-ruby, the official images and ruby-build understand: a version, release line
 * or prerelease as written ("3.3.0", "3.3", "3.4.0-preview1"), or a range's lowest release line
 * (">=3.2 <4" -> "3.2"; see versionLine). Undefined for other engines ("jruby-9.4") and junk.
 */
export function rubySetupVersion(statement: string): string | undefined {
  const written = statement.trim();
  if (/^\d+(\.\d+){0,2}(-(preview|rc)\d+)?$/.test(written)) return written;
  return versionLine(written);
}
