// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables, meant literally.
/**
 * Small builders for hand-made models in tests, and one rich model that exercises every concept
 * the provider translates. Test support only: nothing in the plugin imports it.
 */
import { create } from "@bufbuild/protobuf";
import { type Job, type Model, type Segment, StepCondition, StepSchema, type Text } from "@cigen/protocol";
import * as kit from "@cigen/provider-kit/testing";

export { run, skip } from "@cigen/provider-kit/testing";

const { run } = kit;

type Part =
  | string
  | { env: string }
  | { secret: string }
  | { git: string }
  | { checksum: string }
  | { platform: string };

/** A Text from literal strings and runtime references: `text("v-", { env: "X" })`. */
export function text(...parts: Part[]): Text {
  return kit.text(...parts.map(segment));
}

function segment(part: Part): kit.TextPart {
  if (typeof part === "string") return part;
  const [key, value] = Object.entries(part)[0] as [Exclude<Segment["kind"]["case"], undefined>, string];
  return { case: key, value } as kit.TextPart;
}

/** A job in workflow "ci" on the default runner with one `make test` step, unless `init` says otherwise. */
export function job(id: string, init: Parameters<typeof kit.job>[1] = {}): Job {
  const defaults = { steps: [run("make test")], loc: { file: "cigen.yml", line: 10, column: 3 } };
  return kit.job(id, { ...defaults, ...init } as Parameters<typeof kit.job>[1]);
}

/** A model with cigen's default workflow `ci` (push to any branch, pull requests) unless given others. */
export function model(init: Parameters<typeof kit.model>[0]): Model {
  return kit.model({ project: undefined, providers: ["github"], ...init });
}

/**
 * A model with a bit of everything: matrix variants, needs and needs_any, services on the runner
 * and in a container, caches, artifacts, manual / scheduled / branch-filtered jobs, provider_config,
 * checkout options, timeouts, and env, secret and git references.
 */
export function richModel(): Model {
  const pg = { name: "postgres", image: "postgres:16", ports: [5432], healthCmd: "pg_isready -U postgres" };
  const redis = { name: "redis", image: "redis:7", ports: [6379], healthCmd: "redis-cli ping" };
  const test = (node: string) =>
    job(`test-${node}`, {
      baseId: "test",
      matrix: [{ dimension: "node", value: node }],
      needs: ["build"],
      env: [{ name: "NODE_VERSION", value: text(node) }],
      services: [{ ...pg, env: [{ name: "POSTGRES_PASSWORD", value: text({ secret: "PG_PASSWORD" }) }] }, redis],
      caches: [
        {
          name: "node",
          key: text({ platform: "os" }, "-", { platform: "arch" }, `-node-${node}-`, { checksum: "package-lock.json" }),
          restoreKeys: [text({ platform: "os" }, "-", { platform: "arch" }, `-node-${node}-`)],
          paths: ["~/.npm"],
        },
      ],
      artifactInputs: [{ fromJob: "build", artifact: { path: "dist/", name: "build-0" } }],
      steps: [
        run(text("npm ci\nnpm test -- --reporter=", { env: "REPORTER" }, "\n"), { name: "Test" }),
        run("cat npm-debug.log", { name: "Logs", condition: StepCondition.FAILURE }),
      ],
    });
  return model({
    workflows: [
      {
        id: "ci",
        triggers: { push: { branches: ["main", "release/**"] }, pullRequest: {}, schedules: ["30 2 * * *"] },
      },
      { id: "release", triggers: { push: { tags: ["v*"] }, manual: true } },
    ],
    providerConfigJson: JSON.stringify({ concurrency: { group: "ci-${{ github.ref }}", "cancel-in-progress": true } }),
    jobs: [
      job("build", {
        env: [
          { name: "CI", value: text("true") },
          { name: "CACHE_PREFIX", value: text({ platform: "os" }, "-build") },
        ],
        checkout: { enabled: true, depth: 0, submodules: true, lfs: true },
        timeoutMinutes: 20,
        artifacts: [{ path: "dist/", retentionHours: 36, name: "build-0" }],
        steps: [
          run(text("npm ci && npm run build -- --sha ", { git: "sha" }, " --branch ", { git: "branch" }), {
            name: "Build",
            workingDirectory: "app",
            env: [{ name: "NPM_TOKEN", value: text({ secret: "NPM_TOKEN" }) }],
          }),
          create(StepSchema, {
            name: "Setup Node",
            kind: {
              case: "uses",
              value: {
                ref: "actions/setup-node@v4",
                native: true,
                with: [{ name: "node-version", value: text("22") }],
              },
            },
          }),
        ],
      }),
      test("20"),
      test("22"),
      job("integration", {
        needs: ["build"],
        image: "node:22-bookworm",
        services: [pg],
        steps: [run(text("psql -h ", { env: "POSTGRES_HOST" }, " -p ", { env: "POSTGRES_PORT" }, " -c 'select 1'"))],
      }),
      job("report", {
        needs: ["build"],
        needsAny: ["test-20", "test-22"],
        checkout: { enabled: false },
        steps: [run("echo report", { condition: StepCondition.ALWAYS })],
      }),
      job("nightly", { trigger: { cron: "30 2 * * *" }, runner: { className: "large" }, arch: "amd64" }),
      job("deploy-arm", {
        needs: ["test-20", "test-22"],
        arch: "arm64",
        trigger: { branches: ["main", "release/**"] },
        providerConfigJson: JSON.stringify({ "continue-on-error": true }),
      }),
      job("publish", {
        workflow: "release",
        trigger: { manual: true, tags: ["v*"] },
        runner: { className: "custom", settingsJson: JSON.stringify({ "runs-on": ["self-hosted", "linux"] }) },
        steps: [
          create(StepSchema, {
            kind: { case: "restoreCache", value: { key: text("dist-", { git: "sha" }), paths: ["dist"] } },
          }),
          run("npm publish"),
          create(StepSchema, {
            condition: StepCondition.ALWAYS,
            kind: { case: "saveCache", value: { key: text("dist-", { git: "sha" }), paths: ["dist"] } },
          }),
        ],
      }),
    ],
  });
}

/** The flags the core sends with a normal generate. */
export const SKIP_FLAGS = kit.SETUP_FLAGS;

/**
 * A workflow with skipping: build (skippable, uploads dist) -> test (skippable, downloads dist) ->
 * deploy (never skipped, main only), lint (skippable, main only) -> docs (skippable), plus an
 * unrelated job that is not affected at all.
 */
export function skipModel(type = "native", settings: object = {}): Model {
  const dist = { path: "dist/", name: "build-0" };
  return model({
    jobs: [
      job("build", { skip: kit.skip(["src/**"], type, settings), artifacts: [dist] }),
      job("test", {
        needs: ["build"],
        skip: kit.skip(["test/**"], type, settings),
        artifactInputs: [{ fromJob: "build", artifact: dist }],
      }),
      job("deploy", { needs: ["test"], trigger: { branches: ["main"] } }),
      job("lint", { skip: kit.skip(["src/**"], type, settings), trigger: { branches: ["main"] } }),
      job("docs", { needs: ["lint"], skip: kit.skip(["docs/**"], type, settings) }),
      job("solo"),
    ],
  });
}
