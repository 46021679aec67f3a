// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions, meant literally.
import { describe, expect, it } from "vitest";
import { readGithubWorkflow } from "./github-actions";
import { parseCiYaml } from "./read-ci-yaml";

function read(text: string, file = ".github/workflows/ci.yml") {
  const { yaml, diagnostics } = parseCiYaml(file, text);
  if (!yaml) throw new Error(JSON.stringify(diagnostics));
  return readGithubWorkflow(yaml);
}

const CI = `on: [push, pull_request]
env:
  CI_MODE: strict
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: npm ci
      - name: Lint
        run: npm run lint
        working-directory: web
  test:
    needs: lint
    runs-on: ubuntu-latest
    container: node:20
    timeout-minutes: 15
    strategy:
      matrix:
        node-version: [18, 20]
        include: [{ node-version: 22 }]
    services:
      db:
        image: postgres:16
        env: { POSTGRES_PASSWORD: pw }
    steps:
      - run: echo "\${{ matrix.node-version }} {{ literal }}"
        env:
          TOKEN: \${{ secrets.API_TOKEN }}
          REF: \${{ github.event.pull_request.head.ref }}
      - if: \${{ always() }}
        run: cat log.txt
      - if: github.event_name == 'push'
        run: echo pushed
      - uses: codecov/codecov-action@v4
`;

describe("readGithubWorkflow", () => {
  it("carries job names, run commands, needs, the container, services, env and timeout", () => {
    const { jobs, notes } = read(CI);
    expect(notes).toEqual([]);
    expect(jobs.map((j) => j.name)).toEqual(["lint", "test"]);
    const [lint, test] = jobs;
    expect(lint).toMatchObject({
      key: ".github/workflows/ci.yml#lint",
      line: 5,
      needs: [],
      env: { CI_MODE: "strict" },
      steps: [{ command: "npm ci" }, { name: "Lint", command: "npm run lint", workingDirectory: "web" }],
    });
    expect(lint.notes).toEqual(["actions/setup-node are left to packages: (modules set up tools and caches)"]);
    expect(test).toMatchObject({
      needs: [".github/workflows/ci.yml#lint"],
      image: "node:20",
      services: ["postgres:16"],
      timeout: 15,
      matrix: { node_version: ["18", "20"] },
    });
  });

  it("converts the expressions cigen has and escapes literal braces", () => {
    const [, test] = read(CI).jobs;
    expect(test.steps[0]).toEqual({
      command: 'echo "{{ matrix.node_version }} {{ "{{" }} literal }}"',
      env: { TOKEN: "{{ secrets.API_TOKEN }}", REF: "${{ github.event.pull_request.head.ref }}" },
    });
    expect(test.steps[1]).toEqual({ command: "cat log.txt", if: "always" });
    expect(test.steps[2]).toEqual({ command: "echo pushed" });
    expect(test.notes).toEqual(
      expect.arrayContaining([
        "its matrix include/exclude entries are not carried over",
        "keeps the GitHub expression ${{ github.event.pull_request.head.ref }}, which only GitHub Actions evaluates",
        "step \"echo pushed\" ran only if github.event_name == 'push'; it now always runs",
        "step uses codecov/codecov-action@v4, a GitHub action: not carried over",
        "service settings (env, ports, options) are not carried over: service modules set their own",
      ]),
    );
  });

  it("turns a job's branch condition into a trigger and other conditions and deployments into manual jobs", () => {
    const { jobs } = read(`on: push
jobs:
  main-only:
    runs-on: ubuntu-latest
    if: github.ref == 'refs/heads/main'
    steps: [{ run: make a }]
  odd:
    runs-on: ubuntu-latest
    if: github.actor == 'me'
    steps: [{ run: make b }]
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps: [{ run: make c }]
`);
    expect(jobs.map((j) => j.trigger)).toEqual([{ branches: ["main"] }, "manual", "manual"]);
    expect(jobs[2].notes).toContain("it deployed to production; it is manual until you give it a trigger");
  });

  it("gives the jobs of tag and schedule workflows that trigger, and leaves other workflows out", () => {
    const tags = read(
      "on: { push: { tags: ['v*'] } }\njobs:\n  publish: { runs-on: ubuntu-latest, steps: [{ run: npm publish }] }\n",
    );
    expect(tags.jobs[0].trigger).toEqual({ tags: ["v*"] });
    const nightly = read(
      "on: { schedule: [{ cron: '0 3 * * *' }] }\njobs:\n  audit: { runs-on: ubuntu-latest, steps: [{ run: audit }] }\n",
    );
    expect(nightly.jobs[0].trigger).toEqual({ scheduled: { cron: "0 3 * * *" } });
    const manual = read(
      "on: workflow_dispatch\njobs:\n  x: { runs-on: ubuntu-latest, steps: [{ run: x }] }\n",
      ".github/workflows/release.yml",
    );
    expect(manual.jobs).toEqual([]);
    expect(manual.notes[0]).toMatch(/^\.github\/workflows\/release\.yml runs on workflow_dispatch, not on pushes/);
  });

  it("keeps a reusable-workflow job, without steps, so the jobs after it keep their order", () => {
    const { jobs } = read("on: push\njobs:\n  shared:\n    uses: org/repo/.github/workflows/x.yml@main\n");
    expect(jobs[0]).toMatchObject({
      steps: [],
      notes: ["it calls the reusable workflow org/repo/.github/workflows/x.yml@main"],
    });
  });
});
