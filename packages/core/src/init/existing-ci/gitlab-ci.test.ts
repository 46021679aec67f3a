import { describe, expect, it } from "vitest";
import { readGitlab } from "./gitlab-ci";
import { parseCiYaml } from "./read-ci-yaml";

function read(text: string) {
  const { yaml, diagnostics } = parseCiYaml(".gitlab-ci.yml", text);
  if (!yaml) throw new Error(JSON.stringify(diagnostics));
  return readGitlab(yaml);
}

const CONFIG = `stages: [build, test, deploy]
image: ruby:3.3
variables:
  RAILS_ENV: test
include:
  - template: Security/SAST.gitlab-ci.yml
.setup:
  before_script:
    - bundle install
    - cd app
rubocop:
  stage: build
  extends: .setup
  script: bundle exec rubocop
"test:unit":
  stage: test
  extends: .setup
  services: [postgres, { name: "redis:7", alias: cache }]
  variables:
    DATABASE_URL: { value: "postgres://db", description: "where" }
  script:
    - !reference [.setup, before_script]
    - [bundle exec rspec, "echo {{ x }}"]
  after_script: [cat log/test.log]
  artifacts: { paths: [coverage] }
pages:
  stage: deploy
  script: [make site]
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
release:
  stage: deploy
  needs: []
  script: [./release.sh $CI_COMMIT_TAG]
  only: [tags]
prod:
  stage: deploy
  script: [./deploy.sh]
  when: manual
child:
  stage: deploy
  trigger: { include: child.yml }
skipped:
  script: [x]
  when: never
`;

describe("readGitlab", () => {
  it("reads jobs by stage with templates, references, defaults and variables resolved", () => {
    const { jobs, notes } = read(CONFIG);
    expect(notes).toEqual([
      ".gitlab-ci.yml: included files (include:) are not read",
      ".gitlab-ci.yml: job skipped never runs (when: never) and is left out",
    ]);
    expect(jobs.map((j) => j.name)).toEqual(["rubocop", "test:unit", "pages", "release", "prod", "child"]);
    const [rubocop, unit] = jobs;
    expect(rubocop).toMatchObject({
      image: "ruby:3.3",
      env: { RAILS_ENV: "test" },
      needs: [],
      steps: [{ command: "bundle install\ncd app\nbundle exec rubocop" }],
    });
    expect(unit).toMatchObject({
      line: 15,
      services: ["postgres", "redis:7"],
      env: { RAILS_ENV: "test", DATABASE_URL: "postgres://db" },
      needs: [".gitlab-ci.yml#rubocop"],
      steps: [
        { command: 'bundle install\ncd app\nbundle install\ncd app\nbundle exec rspec\necho {{ "{{" }} x }}' },
        { name: "after_script", command: "cat log/test.log", if: "always" },
      ],
    });
    expect(unit.notes).toContain("artifacts: is not carried over");
  });

  it("turns branch rules and only: into triggers, when: manual and environments into manual jobs", () => {
    const { jobs } = read(CONFIG);
    const byName = Object.fromEntries(jobs.map((j) => [j.name, j]));
    expect(byName.pages.trigger).toEqual({ branches: ["main"] });
    expect(byName.pages.needs).toEqual([".gitlab-ci.yml#test:unit"]);
    expect(byName.release).toMatchObject({ trigger: { tags: ["*"] }, needs: [] });
    expect(byName.release.notes).toContain("uses $CI_COMMIT_TAG, set only by GitLab CI");
    expect(byName.prod.trigger).toBe("manual");
    expect(byName.child).toMatchObject({ steps: [], notes: ["it triggers another pipeline"] });
  });

  it("makes a job with rules it cannot express manual", () => {
    const { jobs } = read(`job:
  script: [x]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
`);
    expect(jobs[0].trigger).toBe("manual");
  });
});
