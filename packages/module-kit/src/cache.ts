import { create } from "@bufbuild/protobuf";
import { type CacheUse, CacheUseSchema } from "@cigen/protocol";
import { textOf } from "./text";

export interface ModuleCacheInit {
  /** The cache's name and key part: "node", "ruby". */
  name: string;
  /** Detected versions that make a cache incompatible ("20.11.1", "pnpm-9.1.0"). */
  versions: readonly string[];
  /** Repository-relative lock files; their checksums end the key. */
  lockFiles: readonly string[];
  paths: readonly string[];
}

/**
 * The cache a package module adds: `<os>-<arch>-<name>-<versions>-<checksum of lock files>`, and
 * the same without the checksums as the fallback restore key, so a changed lock file starts from
 * the newest cache of the same platform and toolchain instead of from nothing (cigen-yml.md).
 */
export function moduleCache(init: ModuleCacheInit): CacheUse {
  const prefix = [{ platform: "os" as const }, "-", { platform: "arch" as const }, `-${init.name}-`];
  if (init.versions.length) prefix.push(`${init.versions.join("-")}-`);
  const checksums = init.lockFiles.flatMap((file, i) => (i ? ["-", { checksum: file }] : [{ checksum: file }]));
  return create(CacheUseSchema, {
    name: init.name,
    key: textOf(...prefix, ...checksums),
    restoreKeys: [textOf(...prefix)],
    paths: [...init.paths],
  });
}
