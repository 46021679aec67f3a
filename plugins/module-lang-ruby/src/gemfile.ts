import { evidence, readRepoFile } from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";

/** Bundler's manifest and lock file names: the classic pair, or gems.rb / gems.locked. */
export function bundlerFiles(exists: (file: string) => boolean): { manifest?: string; lock?: string } {
  const manifest = ["Gemfile", "gems.rb"].find(exists);
  const lock = manifest === "gems.rb" ? "gems.locked" : "Gemfile.lock";
  return { manifest, lock: exists(lock) ? lock : ["Gemfile.lock", "gems.locked"].find(exists) };
}

/**
 * The Gemfile's `ruby "3.3.0"` / `ruby "~> 3.2", ">= 3.2.2"` directive: its requirement strings and
 * where the first is written. `ruby file: ".ruby-version"` points at a file read anyway, and
 * computed versions cannot be read statically; both give undefined.
 */
export function gemfileRuby(root: string, file: string): { requirements: string[]; at: SourceLocation } | undefined {
  const content = readRepoFile(root, file);
  if (content === undefined) return undefined;
  const m = /^[ \t]*ruby[ \t]*\(?[ \t]*(["'])([^"'\n]+)\1((?:[ \t]*,[ \t]*["'][^"'\n]+["'])*)/m.exec(content);
  if (!m) return undefined;
  const more = [...m[3].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]);
  return { requirements: [m[2], ...more], at: evidence(file, content, m.index + m[0].indexOf(m[2])) };
}

/** What a Gemfile.lock records: the Ruby and Bundler versions and the locked gems' names. */
export interface GemfileLock {
  /** "3.3.0" from "ruby 3.3.0p0" under RUBY VERSION, with its position. */
  ruby?: { value: string; at: SourceLocation };
  /** "2.5.6" under BUNDLED WITH. */
  bundler?: string;
  gems: Set<string>;
}

export function readGemfileLock(root: string, file: string): GemfileLock | undefined {
  const content = readRepoFile(root, file);
  if (content === undefined) return undefined;
  const gems = new Set([...content.matchAll(/^ {4}([A-Za-z0-9_.-]+) \(/gm)].map((m) => m[1]));
  const ruby = /^RUBY VERSION\r?\n[ \t]+ruby (\d+\.\d+\.\d+)/m.exec(content);
  const bundler = /^BUNDLED WITH\r?\n[ \t]+(\S+)/m.exec(content)?.[1];
  return {
    ruby: ruby ? { value: ruby[1], at: evidence(file, content, ruby.index + ruby[0].lastIndexOf(ruby[1])) } : undefined,
    bundler,
    gems,
  };
}

/** Gem names a Gemfile declares with `gem "name"` (for repositories without a lock file). */
export function gemfileGems(root: string, file: string): Set<string> {
  const content = readRepoFile(root, file) ?? "";
  return new Set([...content.matchAll(/^[ \t]*gem[ \t(]+["']([^"']+)["']/gm)].map((m) => m[1]));
}
