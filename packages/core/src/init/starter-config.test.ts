import { describe, expect, it } from "vitest";
import { load } from "../../test-fixtures/config/load";
import type { Detection } from "./detection";
import type { CarriedJob, ExistingCi } from "./existing-ci/carried-job";
import { InitCodes } from "./init-codes";
import { renderStarter } from "./render-starter";
import { buildStarter } from "./starter-config";

const node: Detection = {
  module: "lang/node",
  version: "1.0.0",
  facts: {
    package: "node",
    source_files: "**/*.ts,package.json,pnpm-lock.yaml",
    lint: "pnpm run lint",
    test: "pnpm run test",
    build: "pnpm run build",
  },
  evidence: [{ signal: "manifest", value: "package.json", file: "package.json", line: 1, column: 1 }],
};
const ruby: Detection = {
  module: "lang/ruby",
  version: "1.0.0",
  facts: { package: "ruby", source_files: "**/*.rb,Gemfile.lock,!vendor/**", test: "bundle exec rspec" },
  evidence: [],
};
const postgres: Detection = {
  module: "db/postgres",
  version: "1.0.0",
  facts: { service: "postgres:16" },
  evidence: [{ signal: "dependency", value: "pg", file: "Gemfile.lock", line: 4, column: 5 }],
};
const redis: Detection = { module: "cache/redis", version: "1.0.0", facts: { service: "redis" }, evidence: [] };

function carried(name: string, overrides: Partial<CarriedJob> = {}): CarriedJob {
  return {
    key: `.github/workflows/ci.yml#${name}`,
    name,
    file: ".github/workflows/ci.yml",
    line: 3,
    steps: [{ command: `make ${name}` }],
    needs: [],
    services: [],
    env: {},
    notes: [],
    ...overrides,
  };
}

function github(jobs: CarriedJob[]): ExistingCi {
  return { provider: "github", files: [".github/workflows/ci.yml"], jobs, notes: [], diagnostics: [] };
}

/** The rendered starter must pass cigen's own schema and checks. */
function expectValid(text: string): void {
  const { config, diagnostics } = load(text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(config).toBeDefined();
}

describe("buildStarter from detections", () => {
  it("makes lint, test and build jobs from the modules' commands; build needs the others", () => {
    const starter = buildStarter({ detections: [postgres, ruby, node, redis], existing: [], files: [] });
    expect(starter.providers).toEqual(["github"]);
    expect(starter.packages).toEqual(["node", "ruby"]);
    expect(starter.jobs.map((j) => [j.id, j.needs, j.steps.map((s) => s.run)])).toEqual([
      ["lint", [], ["pnpm run lint"]],
      ["test", [], ["pnpm run test", "bundle exec rspec"]],
      ["build", ["lint", "test"], ["pnpm run build"]],
    ]);
    expect(starter.jobs[1].services).toEqual(["postgres:16", "redis"]);
    expect(starter.jobs[0].services).toEqual([]);
  });

  it("gives every job the union of the modules' source_files, sorted, negations last", () => {
    const starter = buildStarter({ detections: [node, ruby], existing: [], files: [] });
    expect(starter.jobs[0].sourceFiles).toEqual([
      "**/*.rb",
      "**/*.ts",
      "Gemfile.lock",
      "package.json",
      "pnpm-lock.yaml",
      "!vendor/**",
    ]);
  });

  it("renders deterministically into a config that passes the schema and checks", () => {
    const input = { detections: [node, ruby, postgres, redis], existing: [], files: [] };
    const text = renderStarter(buildStarter(input));
    expect(renderStarter(buildStarter(input))).toBe(text);
    expect(text).toMatch(/^# cigen\.yml: a starter written by `cigen init`/);
    expect(text).toContain("npx cigen validate");
    expect(text).toContain("\nproviders: [github]\n");
    expect(text).toContain("\npackages: [node, ruby]\n");
    expect(text).toContain("    services: [postgres:16, redis]\n");
    expectValid(text);
  });

  it("writes one failing placeholder job and a warning when nothing was found", () => {
    const starter = buildStarter({ detections: [], existing: [], files: [] });
    expect(starter.jobs.map((j) => j.id)).toEqual(["build"]);
    expect(starter.diagnostics).toMatchObject([{ severity: "warning", code: InitCodes.NOTHING_DETECTED }]);
    expectValid(renderStarter(starter));
  });
});

describe("buildStarter from existing CI", () => {
  it("carries the jobs with valid unique ids, following needs through jobs that are left out", () => {
    const jobs = [
      carried("test:unit"),
      carried("orb", { steps: [], needs: [".github/workflows/ci.yml#test:unit"], notes: ["it is the orb job x/y"] }),
      carried("deploy", { needs: [".github/workflows/ci.yml#orb"], trigger: "manual", notes: ["it deployed"] }),
      carried("test-unit"),
    ];
    const starter = buildStarter({ detections: [node], existing: [github(jobs)], files: [] });
    expect(starter.jobs.map((j) => [j.id, j.needs])).toEqual([
      ["test-unit", []],
      ["deploy", ["test-unit"]],
      ["test-unit-2", []],
    ]);
    expect(starter.jobs[0].comments[0]).toBe('from .github/workflows/ci.yml:3 (job "test:unit")');
    expect(starter.jobs[1].comments.slice(0, 2)).toEqual(["from .github/workflows/ci.yml:3", "- it deployed"]);
    expect(starter.jobs[1].sourceFiles).toEqual([]);
    expect(starter.notes).toContain(
      ".github/workflows/ci.yml: job orb is left out: it runs no shell commands (it is the orb job x/y)",
    );
    expectValid(renderStarter(starter));
  });

  it("takes providers from the CI files found, unless --provider names others", () => {
    const circle: ExistingCi = {
      provider: "circleci",
      files: [".circleci/config.yml"],
      jobs: [],
      notes: [],
      diagnostics: [],
    };
    expect(buildStarter({ detections: [], existing: [github([carried("a")]), circle], files: [] }).providers).toEqual([
      "github",
      "circleci",
    ]);
    expect(
      buildStarter({ detections: [], existing: [github([carried("a")])], providers: ["gitlab"], files: [] }).providers,
    ).toEqual(["gitlab"]);
  });

  it("maps services, adds detected ones to test jobs, and scripts the commands run to source_files", () => {
    const jobs = [
      carried("lint", { steps: [{ command: "./scripts/lint.sh && make check" }] }),
      carried("rspec", { services: ["postgres", "elasticsearch", "redis:7"] }),
    ];
    const starter = buildStarter({
      detections: [ruby, postgres, redis],
      existing: [github(jobs)],
      files: ["scripts/lint.sh", "Makefile", "Gemfile.lock"],
    });
    const [lint, rspec] = starter.jobs;
    expect(rspec.services).toEqual(["postgres:16", "elasticsearch:latest", "redis:7"]);
    expect(lint.services).toEqual([]);
    expect(lint.sourceFiles).toEqual(["**/*.rb", "Gemfile.lock", "Makefile", "scripts/lint.sh", "!vendor/**"]);
    expectValid(renderStarter(starter));
  });

  it("renders triggers, matrices, env, step conditions and escaped braces that load", () => {
    const job = carried("test", {
      trigger: { branches: ["main"] },
      matrix: { node_version: ["18", "20"] },
      image: "node:{{ matrix.node_version }}",
      env: { TOKEN: "{{ secrets.TOKEN }}", MODE: "strict" },
      timeout: 20,
      steps: [
        { name: "Test", command: 'echo "{{ "{{" }} x }}"\nnpm test', workingDirectory: "web", env: { A: "1" } },
        { command: "cat log", if: "failure" },
      ],
    });
    const text = renderStarter(buildStarter({ detections: [node], existing: [github([job])], files: [] }));
    expect(text).toContain("    trigger:\n      branches: [main]\n");
    expect(text).toContain('      node_version: ["18", "20"]\n');
    expect(text).not.toContain("    source_files:");
    expect(text).toContain("# - no source_files: a job with a trigger is never skipped");
    expectValid(text);
  });
});
