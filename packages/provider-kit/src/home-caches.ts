/**
 * Home-directory caches for providers whose cache only reaches the checkout (GitLab's `cache:paths`
 * must be inside `$CI_PROJECT_DIR`; Buildkite's cache plugin runs on the agent, outside a job's
 * container). Modules cache where the tools write, mostly under the home directory (`~/.npm`,
 * `~/.cache/pip`, `~/go/pkg/mod`), so such a provider caches `.cigen/home/<path after ~/>` in the
 * checkout instead, and the job first makes the home path a symlink to that folder: the tools write
 * into the checkout, and the provider's cache saves and restores it there.
 */

import { posix } from "node:path";
import { shellQuote } from "./shell-quote";

/** The checkout folder that stands in for the home directory in caches. */
export const HOME_CACHE_DIR = ".cigen/home";

/**
 * The checkout-relative folder cached in place of a home-relative cache path (`~/.npm` ->
 * `.cigen/home/.npm`), or undefined for any other path: relative paths, absolute ones, `~user`,
 * paths that climb out of the home directory and globs (a link needs one fixed path).
 */
export function homeCachePath(path: string): string | undefined {
  const rest = homeRelative(path);
  return rest === undefined ? undefined : `${HOME_CACHE_DIR}/${rest}`;
}

/** True for a path that does not lead into the checkout as written: absolute, `~...`, or climbing out. */
export function isOutsideCheckout(path: string): boolean {
  return path.startsWith("/") || path.startsWith("~") || path === ".." || path.startsWith("../");
}

/**
 * The cache paths a checkout-only cache cannot hold even after relocation (absolute, `..`, `~user`,
 * a glob under `~/`), each once: the provider warns that they are not cached.
 */
export function uncachablePaths(paths: readonly string[]): string[] {
  return [...new Set(paths.filter((p) => isOutsideCheckout(p) && homeCachePath(p) === undefined))];
}

/** `paths` with each home-relative path replaced by its folder in the checkout, duplicates dropped. */
export function relocateHomePaths(paths: readonly string[]): string[] {
  return [...new Set(paths.map((p) => homeCachePath(p) ?? p))];
}

/**
 * POSIX sh lines that link each home-relative path of `paths` to its folder in the checkout; the
 * other paths are ignored. `root` is a shell word for the checkout's absolute path as the job sees
 * it (`"$CI_PROJECT_DIR"`). Per path: create the folder and the home path's parent, then link the
 * home path when nothing is there, when it is an empty folder, or when it is a link (an earlier
 * job's). A folder that already holds files is left alone: on a machine whose home directory
 * persists (GitLab's shell executor) it is the user's own cache, which already survives between
 * jobs and must not be deleted; the job then simply does not fill the provider's cache. A path
 * below another one that is linked needs no link of its own. Nothing when no path is home-relative.
 */
export function homeLinkLines(paths: readonly string[], root: string): string[] {
  const rests = [...new Set(paths.map(homeRelative).filter((r): r is string => r !== undefined))].sort();
  const linked = rests.filter((r) => !rests.some((other) => r.startsWith(`${other}/`)));
  return linked.flatMap((rest) => {
    const folder = `${root}/${shellQuote(`${HOME_CACHE_DIR}/${rest}`)}`;
    const home = `"$HOME"/${shellQuote(rest)}`;
    const parent = posix.dirname(rest);
    const dirs = [folder, ...(parent === "." ? [] : [`"$HOME"/${shellQuote(parent)}`])];
    return [
      `mkdir -p ${dirs.join(" ")}`,
      `if [ -L ${home} ] || [ ! -e ${home} ] || rmdir ${home} 2>/dev/null; then ln -sfn ${folder} ${home}; fi`,
    ];
  });
}

/** The part after `~/`, normalised, when `path` is a plain path inside the home directory. */
function homeRelative(path: string): string | undefined {
  if (!path.startsWith("~/")) return undefined;
  const rest = posix.normalize(path.slice(2)).replace(/\/+$/, "");
  if (rest === "." || rest === "" || rest === ".." || rest.startsWith("../") || rest.startsWith("/")) return undefined;
  if (/[*?[\]{}\n]/.test(rest)) return undefined;
  return rest;
}
