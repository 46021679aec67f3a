/** A model that uses every concept cigen.yml has, shared by the end-to-end tests. */
import { create } from "@bufbuild/protobuf";
import { StepCondition, StepSchema } from "@cigen/protocol";
import {
  checksumRef,
  envRef,
  gitRef,
  job,
  model,
  platformRef,
  run,
  secretRef,
  text,
} from "@cigen/provider-kit/testing";

const cacheKey = text("node-", platformRef("os"), "-", platformRef("arch"), "-", checksumRef("package-lock.json"));

export function richModel() {
  return model({
    env: [{ name: "CI_NAME", value: text("cigen") }],
    providerConfigJson: JSON.stringify({ env: { BUILDKITE_CLEAN_CHECKOUT: "true" } }),
    workflows: [
      {
        id: "ci",
        triggers: {
          push: { branches: ["main", "release/*"] },
          pullRequest: { branches: ["main"] },
          schedules: ["0 3 * * 1"],
        },
      },
      { id: "release", triggers: { push: { tags: ["v*"] }, manual: true } },
      { id: "nightly", triggers: { schedules: ["30 2 * * *"] } },
    ],
    jobs: [
      job("build", {
        env: [
          { name: "CI_NAME", value: text("cigen") },
          { name: "PRICE", value: text("$5") },
          { name: "REF", value: text(gitRef("branch"), "@", gitRef("sha")) },
          { name: "TOKEN", value: text(secretRef("NPM_TOKEN")) },
        ],
        caches: [{ name: "node", key: cacheKey, restoreKeys: [text("node-linux-")], paths: ["node_modules"] }],
        artifacts: [{ path: "dist/", retentionHours: 168, name: "build-0" }],
        checkout: { enabled: true, depth: 0, submodules: true, lfs: true },
        timeoutMinutes: 20,
        image: "node:20",
        steps: [
          run("npm ci"),
          run(text('echo "building ', envRef("CI_NAME"), '" "$HOME" "$(date +%s)"'), {
            name: "Build",
            env: [
              { name: "MODE", value: text("production") },
              { name: "SHA", value: text(gitRef("sha")) },
            ],
            workingDirectory: "app",
          }),
          run("echo failed", { condition: StepCondition.FAILURE }),
          run("echo finished", { condition: StepCondition.ALWAYS }),
        ],
      }),
      ...["18", "20"].map((v) =>
        job(`test-${v}`, {
          baseId: "test",
          matrix: [{ dimension: "node", value: v }],
          needs: ["build"],
          image: `node:${v}`,
          runner: { className: "large" },
          services: [
            {
              name: "postgres",
              image: "postgres:16",
              ports: [5432],
              env: [
                { name: "POSTGRES_PASSWORD", value: text("test") },
                { name: "POSTGRES_USER", value: text(envRef("CI_NAME")) },
              ],
              healthCmd: "pg_isready",
            },
          ],
          artifactInputs: [{ fromJob: "build", artifact: { path: "dist/", name: "build-0" } }],
          steps: [run(`npm test -- --node ${v}`)],
        }),
      ),
      job("arm", {
        arch: "arm64",
        needs: ["build"],
        checkout: { enabled: false },
        services: [{ name: "redis", image: "redis:7", ports: [6379], healthCmd: "redis-cli ping" }],
        steps: [run('echo "$REDIS_HOST:$REDIS_PORT"')],
      }),
      job("report", {
        needsAny: ["test-18", "test-20"],
        artifactInputs: [{ fromJob: "build", artifact: { path: "dist/", name: "build-0" } }],
        steps: [
          create(StepSchema, {
            kind: { case: "restoreCache", value: { key: text("r-", checksumRef("a.lock")), paths: ["vendor"] } },
          }),
          run("echo report"),
          create(StepSchema, {
            condition: StepCondition.ALWAYS,
            kind: { case: "saveCache", value: { key: text("r-", checksumRef("a.lock")), paths: ["vendor"] } },
          }),
        ],
      }),
      job("deploy", {
        needs: ["report", "arm"],
        trigger: { manual: true, branches: ["main"] },
        runner: { className: "deployer", settingsJson: JSON.stringify({ agents: { queue: "deploy" } }) },
        providerConfigJson: JSON.stringify({ concurrency: 1, concurrency_group: "deploy" }),
      }),
      job("approve-all", { trigger: { manual: true }, runner: { className: "small" } }),
      job("audit", { trigger: { cron: "0 3 * * 1" }, steps: [run("npm audit")] }),
      job("publish", {
        workflow: "release",
        trigger: { tags: ["v*", "!v*-rc*"] },
        checkout: { enabled: true, depth: 5 },
        steps: [run("npm publish")],
      }),
      job("nightly-e2e", { workflow: "nightly", runner: { className: "xlarge" }, steps: [run("npm run e2e")] }),
    ],
  });
}
