import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { detectCi } from "./ci-environment";
import { decideRecord } from "./trust";

const dir = create(SkipStoreSchema, { type: "dir" });
const releases = create(SkipStoreSchema, { type: "redis", recordOn: ["main", "release/*"] });
const may = (store: typeof dir, env: NodeJS.ProcessEnv) => decideRecord(store, detectCi(env)).record;

describe("detectCi", () => {
  it("is outside CI with no marker, and ignores empty variables", () => {
    expect(detectCi({ CI: "", GITHUB_ACTIONS: "" })).toEqual({ inCi: false, pullRequest: false });
    expect(detectCi({ CI: "true" })).toEqual({ inCi: true, pullRequest: false });
  });

  it("reads GitHub's branch, pull request, default branch from the event file, and run URL", () => {
    const event = join(mkdtempSync(join(tmpdir(), "cigen-event-")), "event.json");
    writeFileSync(event, JSON.stringify({ repository: { default_branch: "trunk" } }));
    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request_target",
      GITHUB_REF_NAME: "12/merge",
      GITHUB_HEAD_REF: "feature",
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: "abc",
      GITHUB_REPOSITORY: "o/r",
      GITHUB_RUN_ID: "7",
    };
    expect(detectCi(env)).toEqual({
      inCi: true,
      provider: "github",
      branch: "feature",
      defaultBranch: "trunk",
      pullRequest: true,
      commit: "abc",
      runUrl: "https://github.com/o/r/actions/runs/7",
    });
  });

  it("recognises each provider's pull/merge request marker", () => {
    expect(detectCi({ CIRCLECI: "true", CIRCLE_PULL_REQUEST: "https://x/pull/1" }).pullRequest).toBe(true);
    expect(detectCi({ BUILDKITE: "true", BUILDKITE_PULL_REQUEST: "false" }).pullRequest).toBe(false);
    expect(detectCi({ BUILDKITE: "true", BUILDKITE_PULL_REQUEST: "42" }).pullRequest).toBe(true);
    expect(detectCi({ GITLAB_CI: "true", CI_MERGE_REQUEST_IID: "3" }).pullRequest).toBe(true);
    expect(detectCi({ JENKINS_URL: "http://j", CHANGE_ID: "9" }).pullRequest).toBe(true);
  });
});

describe("decideRecord", () => {
  it("records outside CI, never for the native store", () => {
    expect(may(dir, {})).toBe(true);
    expect(may(create(SkipStoreSchema, { type: "native" }), {})).toBe(false);
  });

  it("inside CI records only on the default branch, never on a pull request", () => {
    expect(may(dir, { GITLAB_CI: "true", CI_COMMIT_BRANCH: "dev", CI_DEFAULT_BRANCH: "dev" })).toBe(true);
    expect(may(dir, { GITLAB_CI: "true", CI_COMMIT_BRANCH: "main", CI_DEFAULT_BRANCH: "dev" })).toBe(false);
    expect(
      may(dir, { GITLAB_CI: "true", CI_COMMIT_BRANCH: "dev", CI_DEFAULT_BRANCH: "dev", CI_MERGE_REQUEST_IID: "1" }),
    ).toBe(false);
    expect(may(dir, { CI: "true" })).toBe(false);
  });

  it("takes main or master when the provider has no default branch, and CIGEN_DEFAULT_BRANCH over all", () => {
    expect(may(dir, { CIRCLECI: "true", CIRCLE_BRANCH: "master" })).toBe(true);
    expect(may(dir, { JENKINS_URL: "x", BRANCH_NAME: "main" })).toBe(true);
    expect(may(dir, { JENKINS_URL: "x", GIT_BRANCH: "origin/develop" })).toBe(false);
    expect(may(dir, { JENKINS_URL: "x", GIT_BRANCH: "origin/develop", CIGEN_DEFAULT_BRANCH: "develop" })).toBe(true);
  });

  it("matches record_on globs (a * does not cross /)", () => {
    const env = (branch: string) => ({ BUILDKITE: "true", BUILDKITE_BRANCH: branch, BUILDKITE_PULL_REQUEST: "false" });
    expect(may(releases, env("release/1.2"))).toBe(true);
    expect(may(releases, env("main"))).toBe(true);
    expect(may(releases, env("release/1.2/hotfix"))).toBe(false);
    expect(decideRecord(releases, detectCi(env("dev"))).notice).toBe(
      'branch "dev" is not in record_on (main, release/*); only those branches record',
    );
  });
});
