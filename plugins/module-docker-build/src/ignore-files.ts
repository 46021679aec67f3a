import { existsSync } from "node:fs";
import { join, posix } from "node:path";

/**
 * The ignore files a build of `dockerfile` from `context` reads, as BuildKit looks for them: one
 * named after the Dockerfile (`Dockerfile.dockerignore`, next to it) first, then the context's
 * `.dockerignore`. They decide what the build sees, so they enter the job's signature.
 */
export function ignoreFiles(root: string, dockerfile: string, context: string): string[] {
  const candidates = [`${dockerfile}.dockerignore`, posix.normalize(posix.join(context, ".dockerignore"))];
  return [...new Set(candidates)].filter((file) => existsSync(join(root, file)));
}
