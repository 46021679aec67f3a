import type { CacheConfig } from "../config/config-types";

function cache(name: string, lockFile: string, paths: string[]): CacheConfig {
  const prefix = `{{ os }}-{{ arch }}-${name}-`;
  return { key: `${prefix}{{ checksum "${lockFile}" }}`, restore_keys: [prefix], paths };
}

/**
 * Caches named after the package modules, used by `cache: [node]` unless `caches` overrides the
 * name. The key changes with the lock file; the restore key falls back to the newest cache of the
 * same platform.
 */
export const BUILTIN_CACHES: Readonly<Record<string, CacheConfig>> = {
  go: cache("go", "go.sum", ["~/go/pkg/mod", "~/.cache/go-build"]),
  node: cache("node", "package-lock.json", ["~/.npm"]),
  python: cache("python", "requirements.txt", ["~/.cache/pip"]),
  ruby: cache("ruby", "Gemfile.lock", ["vendor/bundle"]),
  rust: cache("rust", "Cargo.lock", ["~/.cargo/registry", "~/.cargo/git", "target"]),
};
