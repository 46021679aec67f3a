/** A model that uses every concept cigen.yml has, shared by the end-to-end tests. */
import { StepCondition } from "@cigen/protocol";
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
    providerConfigJson: JSON.stringify({ orbs: undefined, workflows: { ci: { max_auto_reruns: 2 } } }),
    workflows: [
      { id: "ci", triggers: { push: { branches: ["main", "release/*"] }, pullRequest: {}, schedules: ["0 3 * * 1"] } },
      { id: "release", triggers: { push: { tags: ["v*"] }, manual: true } },
      { id: "nightly", triggers: { schedules: ["30 2 * * *"] } },
    ],
    jobs: [
      job("build", {
        env: [
          { name: "CI_NAME", value: text("cigen") },
          { name: "REF", value: text(gitRef("branch"), "@", gitRef("sha")) },
          { name: "TOKEN", value: text(secretRef("NPM_TOKEN")) },
        ],
        caches: [{ name: "node", key: cacheKey, restoreKeys: [text("node-linux-")], paths: ["~/.npm"] }],
        artifacts: [{ path: "dist/", retentionHours: 168, name: "build-0" }],
        checkout: { enabled: true, depth: 0, submodules: true, lfs: true },
        timeoutMinutes: 20,
        steps: [
          run("npm ci"),
          run(text('echo "building ', envRef("CI_NAME"), '"'), {
            name: "Build",
            env: [
              { name: "MODE", value: text("production") },
              { name: "SHA", value: text(gitRef("sha")) },
            ],
            workingDirectory: "app",
          }),
          run("echo failed", { condition: StepCondition.FAILURE }),
        ],
      }),
      ...["18", "20"].map((v) =>
        job(`test-${v}`, {
          baseId: "test",
          matrix: [{ dimension: "node", value: v }],
          needs: ["build"],
          image: `cimg/node:${v}.0`,
          runner: { className: "large" },
          services: [
            {
              name: "postgres",
              image: "postgres:16",
              ports: [5432],
              env: [{ name: "POSTGRES_PASSWORD", value: text("test") }],
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
        services: [
          { name: "redis", image: "redis:7", ports: [6379], env: [{ name: "MODE", value: text(envRef("CI_NAME")) }] },
        ],
        steps: [run('echo "$REDIS_HOST:$REDIS_PORT"')],
      }),
      job("report", { needsAny: ["test-18", "test-20"], steps: [run("echo report")] }),
      job("deploy", {
        needs: ["report", "arm"],
        trigger: { manual: true, branches: ["main"] },
        runner: { className: "deployer", settingsJson: JSON.stringify({ resource_class: "small" }) },
        providerConfigJson: JSON.stringify({ context: ["deploy"], parallelism: 1 }),
      }),
      job("audit", { trigger: { cron: "0 3 * * 1" }, steps: [run("npm audit")] }),
      job("publish", {
        workflow: "release",
        trigger: { tags: ["v*"] },
        checkout: { enabled: true, depth: 5 },
        steps: [run("npm publish")],
      }),
      job("nightly-e2e", { workflow: "nightly", runner: { className: "xlarge" }, steps: [run("npm run e2e")] }),
    ],
  });
}
