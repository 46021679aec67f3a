import { describe, expect, it } from "vitest";
import { readCircleci } from "./circleci";
import { parseCiYaml } from "./read-ci-yaml";

function read(text: string) {
  const { yaml, diagnostics } = parseCiYaml(".circleci/config.yml", text);
  if (!yaml) throw new Error(JSON.stringify(diagnostics));
  return readCircleci(yaml);
}

const CONFIG = `version: 2.1
orbs:
  node: circleci/node@5
executors:
  ruby:
    docker:
      - image: cimg/ruby:3.3
      - image: cimg/postgres:16.2
jobs:
  lint:
    docker: [{ image: cimg/node:20.11 }]
    steps:
      - checkout
      - node/install-packages
      - run: npm run lint
  test:
    executor: ruby
    environment:
      RAILS_ENV: test
    steps:
      - checkout
      - restore_cache: { keys: [gems] }
      - run:
          name: Specs
          command: bundle exec rspec --tag << pipeline.git.branch >>
          working_directory: app
      - run:
          command: cat log/test.log
          when: on_fail
      - store_test_results: { path: tmp }
  deploy:
    docker: [{ image: cimg/base:current }]
    steps:
      - run: ./deploy.sh
  publish:
    docker: [{ image: cimg/base:current }]
    steps:
      - run: ./publish.sh
workflows:
  main:
    jobs:
      - lint
      - test:
          requires: [lint]
      - node/test
      - hold:
          type: approval
          requires: [test]
      - deploy:
          requires: [hold]
      - publish:
          requires: [test]
          filters:
            branches: { ignore: /.*/ }
            tags: { only: /^v.*/ }
`;

describe("readCircleci", () => {
  it("reads the workflow's jobs with their run steps, requires, images and environment", () => {
    const { jobs, notes } = read(CONFIG);
    expect(notes).toEqual(["orbs (node) are not carried over"]);
    expect(jobs.map((j) => j.name)).toEqual(["lint", "test", "node/test", "deploy", "publish"]);
    const [lint, test] = jobs;
    expect(lint).toMatchObject({ image: "cimg/node:20.11", steps: [{ command: "npm run lint" }], needs: [] });
    expect(lint.notes).toContain("step node/install-packages (a reusable or orb command) is not carried over");
    expect(test).toMatchObject({
      line: 16,
      image: "cimg/ruby:3.3",
      services: ["cimg/postgres:16.2"],
      env: { RAILS_ENV: "test" },
      needs: [".circleci/config.yml#lint"],
      steps: [
        { name: "Specs", command: "bundle exec rspec --tag {{ git.branch }}", workingDirectory: "app" },
        { command: "cat log/test.log", if: "failure" },
      ],
    });
    expect(test.notes).toEqual(
      expect.arrayContaining([
        "caches are left to packages: (modules add their own)",
        "store_test_results is not carried over",
      ]),
    );
  });

  it("keeps an orb job without steps, drops approval jobs and makes the jobs behind them manual", () => {
    const { jobs } = read(CONFIG);
    expect(jobs[2]).toMatchObject({ steps: [], notes: ["it is the orb job node/test"] });
    expect(jobs[3]).toMatchObject({ name: "deploy", trigger: "manual", needs: [] });
    expect(jobs[3].notes).toContain("it waited for the approval job hold");
  });

  it("turns simple tag and branch filters into triggers", () => {
    expect(read(CONFIG).jobs[4].trigger).toEqual({ tags: ["v*"] });
    const { jobs } = read(`version: 2.1
jobs:
  a: { docker: [{ image: x:1 }], steps: [{ run: a }] }
  b: { docker: [{ image: x:1 }], steps: [{ run: b }] }
workflows:
  w:
    jobs:
      - a: { filters: { branches: { only: [main, /^release\\/.*/] } } }
      - b: { filters: { branches: { only: /feature-\\d+/ } } }
`);
    expect(jobs.map((j) => j.trigger)).toEqual([{ branches: ["main", "release/*"] }, "manual"]);
  });

  it("reads every job of a config without workflows, and scheduled workflows as scheduled triggers", () => {
    expect(
      read("version: 2\njobs:\n  build: { docker: [{ image: x:1 }], steps: [checkout, { run: make }] }\n").jobs,
    ).toMatchObject([{ name: "build", steps: [{ command: "make" }] }]);
    const nightly = read(`version: 2.1
jobs:
  audit: { docker: [{ image: x:1 }], steps: [{ run: audit }] }
workflows:
  nightly:
    triggers: [{ schedule: { cron: "0 3 * * *", filters: { branches: { only: [main] } } } }]
    jobs: [audit]
`);
    expect(nightly.jobs[0].trigger).toEqual({ scheduled: { cron: "0 3 * * *" } });
  });
});
