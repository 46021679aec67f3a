/**
 * The environment a plugin starts with. Never the core's whole environment: a plugin has no
 * business with the user's tokens. It gets what a program needs to run, the CI provider's
 * non-secret identity variables, and what the config allows explicitly.
 */
const BASE = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT"];

const CI_IDENTITY = [
  "CI",
  // GitHub Actions
  "GITHUB_ACTIONS",
  "GITHUB_REPOSITORY",
  "GITHUB_REF",
  "GITHUB_REF_NAME",
  "GITHUB_SHA",
  "GITHUB_EVENT_NAME",
  "GITHUB_BASE_REF",
  "GITHUB_HEAD_REF",
  // CircleCI
  "CIRCLECI",
  "CIRCLE_BRANCH",
  "CIRCLE_TAG",
  "CIRCLE_SHA1",
  "CIRCLE_PROJECT_REPONAME",
  // Buildkite
  "BUILDKITE",
  "BUILDKITE_BRANCH",
  "BUILDKITE_TAG",
  "BUILDKITE_COMMIT",
  "BUILDKITE_PIPELINE_SLUG",
  "BUILDKITE_SOURCE",
  // GitLab
  "GITLAB_CI",
  "CI_COMMIT_REF_NAME",
  "CI_COMMIT_BRANCH",
  "CI_COMMIT_TAG",
  "CI_COMMIT_SHA",
  "CI_DEFAULT_BRANCH",
  "CI_PIPELINE_SOURCE",
  "CI_PROJECT_PATH",
  // Jenkins
  "JENKINS_URL",
  "BRANCH_NAME",
  "TAG_NAME",
  "GIT_COMMIT",
  "CHANGE_ID",
];

/** Builds the scrubbed environment from `source`, plus the names in `allowed`. */
export function pluginEnvironment(source: NodeJS.ProcessEnv, allowed: readonly string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of [...BASE, ...CI_IDENTITY, ...allowed]) {
    const value = source[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
