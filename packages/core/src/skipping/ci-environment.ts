import { readFileSync } from "node:fs";

/** What the environment says about the CI run we are in (or that we are not in one). */
export interface CiEnvironment {
  /** True inside CI: `CI=true`, or a provider's own marker variable. */
  inCi: boolean;
  /** github, circleci, buildkite, gitlab, jenkins; undefined outside CI or on an unknown CI. */
  provider?: string;
  /** The branch this run is for (the source branch of a pull request); undefined when unknown. */
  branch?: string;
  /** The repository's default branch, when the provider tells it (or CIGEN_DEFAULT_BRANCH does). */
  defaultBranch?: string;
  /** True for runs of a pull/merge request, which must never write to a shared store. */
  pullRequest: boolean;
  commit?: string;
  /** A link to this run, for the record's metadata. */
  runUrl?: string;
}

type Env = NodeJS.ProcessEnv;

/** A variable's value, with "" treated as unset (CI systems often export empty variables). */
function get(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Reads the CI provider's variables. Pure apart from reading GitHub's event file. */
export function detectCi(env: Env): CiEnvironment {
  const provider = detectProvider(env);
  const ciFlag = get(env, "CI")?.toLowerCase();
  const inCi = provider !== undefined || ciFlag === "true" || ciFlag === "1";
  const details = provider ? PROVIDERS[provider](env) : {};
  return {
    inCi,
    pullRequest: false,
    ...details,
    ...(provider ? { provider } : {}),
    ...(get(env, "CIGEN_DEFAULT_BRANCH") ? { defaultBranch: get(env, "CIGEN_DEFAULT_BRANCH") } : {}),
  };
}

function detectProvider(env: Env): string | undefined {
  if (get(env, "GITHUB_ACTIONS")) return "github";
  if (get(env, "CIRCLECI")) return "circleci";
  if (get(env, "BUILDKITE")) return "buildkite";
  if (get(env, "GITLAB_CI")) return "gitlab";
  if (get(env, "JENKINS_URL")) return "jenkins";
  return undefined;
}

type Details = Omit<CiEnvironment, "inCi" | "provider">;

const PROVIDERS: Record<string, (env: Env) => Details> = {
  github: (env) => {
    const event = get(env, "GITHUB_EVENT_NAME") ?? "";
    const pullRequest = event.startsWith("pull_request");
    const server = get(env, "GITHUB_SERVER_URL") ?? "https://github.com";
    const repo = get(env, "GITHUB_REPOSITORY");
    const run = get(env, "GITHUB_RUN_ID");
    return {
      // On a pull request GITHUB_REF_NAME is "<n>/merge"; the head branch is the meaningful one.
      branch: (pullRequest ? get(env, "GITHUB_HEAD_REF") : undefined) ?? get(env, "GITHUB_REF_NAME"),
      defaultBranch: githubDefaultBranch(get(env, "GITHUB_EVENT_PATH")),
      pullRequest,
      commit: get(env, "GITHUB_SHA"),
      runUrl: repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined,
    };
  },
  circleci: (env) => ({
    branch: get(env, "CIRCLE_BRANCH"),
    pullRequest: get(env, "CIRCLE_PULL_REQUEST") !== undefined,
    commit: get(env, "CIRCLE_SHA1"),
    runUrl: get(env, "CIRCLE_BUILD_URL"),
  }),
  buildkite: (env) => ({
    branch: get(env, "BUILDKITE_BRANCH"),
    defaultBranch: get(env, "BUILDKITE_PIPELINE_DEFAULT_BRANCH"),
    pullRequest: (get(env, "BUILDKITE_PULL_REQUEST") ?? "false") !== "false",
    commit: get(env, "BUILDKITE_COMMIT"),
    runUrl: get(env, "BUILDKITE_BUILD_URL"),
  }),
  gitlab: (env) => ({
    branch: get(env, "CI_COMMIT_BRANCH") ?? get(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"),
    defaultBranch: get(env, "CI_DEFAULT_BRANCH"),
    pullRequest: get(env, "CI_MERGE_REQUEST_IID") !== undefined,
    commit: get(env, "CI_COMMIT_SHA"),
    runUrl: get(env, "CI_JOB_URL") ?? get(env, "CI_PIPELINE_URL"),
  }),
  jenkins: (env) => ({
    branch: get(env, "CHANGE_BRANCH") ?? get(env, "BRANCH_NAME") ?? get(env, "GIT_BRANCH")?.replace(/^origin\//, ""),
    pullRequest: get(env, "CHANGE_ID") !== undefined,
    commit: get(env, "GIT_COMMIT"),
    runUrl: get(env, "BUILD_URL"),
  }),
};

/** GitHub puts the default branch only in the event payload (`repository.default_branch`). */
function githubDefaultBranch(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, "utf8")) as { repository?: { default_branch?: unknown } };
    const branch = event.repository?.default_branch;
    return typeof branch === "string" && branch !== "" ? branch : undefined;
  } catch {
    // An unreadable payload leaves the default branch unknown: then only main/master may record.
    return undefined;
  }
}
