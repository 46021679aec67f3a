/** Where bundler installs gems: inside the checkout, so the cache can hold it on every provider. */
export const BUNDLE_PATH = "vendor/bundle";

/**
 * `bundle install` into vendor/bundle, frozen when a lock file exists so CI installs exactly the
 * locked gems. The settings go to the project's .bundle/config (`--local`), where every later
 * `bundle exec` of the job finds them, whatever directory it runs from.
 */
export function bundleInstall(locked: boolean): string {
  return [
    `bundle config set --local path ${BUNDLE_PATH}`,
    ...(locked ? ["bundle config set --local frozen true"] : []),
    "bundle install --jobs 4",
  ].join(" && ");
}
