import type { SourceLocation } from "@cigen/protocol";
import { evidence, readRepoFile } from "./repo-files";

/** An `image:` a compose file names, with where. */
export interface ComposeImage {
  /** As written ("postgres:15", "postgis/postgis:16-3.4"). */
  image: string;
  file: string;
  at: SourceLocation;
}

/**
 * Compose files as Docker Compose names them (compose.yaml, docker-compose.yml) and the usual
 * variants beside them (docker-compose.ci.yml, compose.override.yaml), at any depth.
 */
export function isComposeFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(base) && !/(^|\/)node_modules\//.test(path);
}

/**
 * Every `image:` line of the repository's compose files, root files first. Lines are read as
 * text: compose files are small, and a line is exactly the evidence a person wants to see. An
 * image that uses variables ("postgres:${PG_VERSION}") is returned with them; callers decide.
 */
export function composeImages(root: string, files: readonly string[]): ComposeImage[] {
  const images: ComposeImage[] = [];
  const composeFiles = files.filter(isComposeFile).sort((a, b) => a.split("/").length - b.split("/").length);
  for (const file of composeFiles) {
    const content = readRepoFile(root, file);
    if (content === undefined) continue;
    for (const m of content.matchAll(/^[ \t]*image:[ \t]*["']?([^\s"'#]+)/gm)) {
      images.push({ image: m[1], file, at: evidence(file, content, m.index + m[0].indexOf(m[1])) });
    }
  }
  return images;
}

/**
 * The repository part of an image reference, as Docker Hub shows it: registry docker.io and the
 * `library/` namespace dropped, tag and digest removed ("docker.io/library/postgres:15" ->
 * "postgres", "ghcr.io/acme/pg:1" -> "ghcr.io/acme/pg").
 */
export function imageRepository(image: string): string {
  let ref = image.trim().toLowerCase();
  const digest = ref.indexOf("@");
  if (digest !== -1) ref = ref.slice(0, digest);
  // The tag starts at the first colon of the last path part ("pg:${V:-15}" has more).
  const colon = ref.indexOf(":", ref.lastIndexOf("/") + 1);
  if (colon !== -1) ref = ref.slice(0, colon);
  return ref.replace(/^(index\.)?docker\.io\//, "").replace(/^library\//, "");
}
