import { evidence, readRepoFile } from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";

/** A Dockerfile with where it starts (its first FROM) and the images it builds on. */
export interface Dockerfile {
  path: string;
  /** The first FROM line. */
  at: SourceLocation;
  /** External base images (FROMs of earlier stages left out), with their positions. */
  bases: { image: string; at: SourceLocation }[];
}

/** Installed packages and test data carry Dockerfiles that are not the project's. */
const FOREIGN = /(^|\/)(node_modules|vendor|\.git|testdata|fixtures|__fixtures__|third_party)\//;

/** Dockerfile, Containerfile, Dockerfile.prod, api.Dockerfile; not Dockerfile.dockerignore. */
export function isDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base.endsWith(".dockerignore") || FOREIGN.test(path)) return false;
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(base) || /\.(Dockerfile|dockerfile)$/.test(base);
}

/**
 * The repository's Dockerfiles, the primary one first: `Dockerfile` (or `Containerfile`) at the
 * root, then by depth and path. A file without a FROM line is no Dockerfile (a template, notes).
 */
export function findDockerfiles(root: string, files: readonly string[]): Dockerfile[] {
  const rank = (p: string) => (p === "Dockerfile" ? 0 : p === "Containerfile" ? 1 : 2);
  const depth = (p: string) => p.split("/").length;
  const candidates = files
    .filter(isDockerfile)
    .sort((a, b) => rank(a) - rank(b) || depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  return candidates.flatMap((path) => {
    const parsed = readDockerfile(root, path);
    return parsed ? [parsed] : [];
  });
}

/** One Dockerfile's FROM lines; undefined when it cannot be read or has none. */
export function readDockerfile(root: string, path: string): Dockerfile | undefined {
  const content = readRepoFile(root, path);
  if (content === undefined) return undefined;
  const stages = new Set<string>();
  const bases: Dockerfile["bases"] = [];
  let first: SourceLocation | undefined;
  for (const m of content.matchAll(/^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(\S+)(?:[ \t]+AS[ \t]+(\S+))?/gim)) {
    first ??= evidence(path, content, m.index + m[0].search(/\S/));
    const image = m[1];
    if (!stages.has(image.toLowerCase())) {
      bases.push({ image, at: evidence(path, content, m.index + m[0].indexOf(image, m[0].search(/FROM/i) + 4)) });
    }
    if (m[2]) stages.add(m[2].toLowerCase());
  }
  return first ? { path, at: first, bases } : undefined;
}

/**
 * A base image whose content can change under the same name without any file in the repository
 * changing: no tag, or `latest` (`scratch` and `${ARG}` images are left alone).
 */
export function isUnpinned(image: string): boolean {
  if (image === "scratch" || image.includes("$") || image.includes("@")) return false;
  const last = image.slice(image.lastIndexOf("/") + 1);
  return !last.includes(":") || last.endsWith(":latest");
}
