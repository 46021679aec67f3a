/**
 * Folders cigen itself fills in a checkout while a job runs: home-directory caches that GitLab and
 * Buildkite restore into the checkout (`.cigen/home`, see @cigen/provider-kit's home-caches) and
 * GitLab's skip markers (`.cigen/skip`). They hold no job's inputs, so their untracked files never
 * enter a signature: a restored npm cache must not make a `source_files: ["**"]` job look changed
 * (a missed skip on every run), nor should users have to list them in `.gitignore`.
 */
const RUNTIME_FOLDERS = [".cigen/home", ".cigen/skip"];

/** True for cigen's runtime folders and any path below them (paths relative to the repository root). */
export function isCigenRuntimePath(path: string): boolean {
  return RUNTIME_FOLDERS.some((folder) => path === folder || path.startsWith(`${folder}/`));
}

/** True for `.cigen` itself: a folder the walk must enter rather than hand to git whole. */
export function holdsCigenRuntime(path: string): boolean {
  return RUNTIME_FOLDERS.some((folder) => folder.startsWith(`${path}/`));
}
