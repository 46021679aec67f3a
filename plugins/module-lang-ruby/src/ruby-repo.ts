import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DetectedRubyVersion, detectRubyVersion } from "./detect-version";
import { bundlerFiles, type GemfileLock, gemfileGems, readGemfileLock } from "./gemfile";

/** Everything lang/ruby reads from a repository; Detect and Plan both start from it. */
export interface RubyRepo {
  /** "Gemfile" or "gems.rb"; absent in a repository with only a version file. */
  manifest?: string;
  /** "Gemfile.lock" or "gems.locked", when it exists. */
  lock?: string;
  lockContent?: GemfileLock;
  version: DetectedRubyVersion;
  /** Bundler's version from BUNDLED WITH. */
  bundler?: string;
  /** Gems the lock file (else the Gemfile) names. */
  gems: Set<string>;
  /** config/application.rb: a Rails application. */
  rails: boolean;
}

export function readRubyRepo(root: string): RubyRepo {
  const exists = (file: string) => existsSync(join(root, file));
  const { manifest, lock } = bundlerFiles(exists);
  const lockContent = lock ? readGemfileLock(root, lock) : undefined;
  return {
    manifest,
    lock,
    lockContent,
    version: detectRubyVersion(root, manifest, lock && lockContent ? { file: lock, content: lockContent } : undefined),
    bundler: lockContent?.bundler,
    gems: lockContent?.gems ?? (manifest ? gemfileGems(root, manifest) : new Set()),
    rails: exists("config/application.rb"),
  };
}

/** Whether the repository root is a Ruby project: a Gemfile, a lock file, .ruby-version or a gemspec. */
export function isRubyRepo(root: string, files: readonly string[]): boolean {
  const markers = ["Gemfile", "gems.rb", "Gemfile.lock", "gems.locked", ".ruby-version"];
  return markers.some((f) => existsSync(join(root, f))) || files.some((f) => /^[^/]+\.gemspec$/.test(f));
}

/** The version, manifest and lock files the setup depends on, for signatures. */
export function signatureFiles(repo: RubyRepo): string[] {
  return [
    ...new Set([...repo.version.files, ...(repo.manifest ? [repo.manifest] : []), ...(repo.lock ? [repo.lock] : [])]),
  ];
}
