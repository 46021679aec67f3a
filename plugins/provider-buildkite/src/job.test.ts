import type { Diagnostic } from "@cigen/protocol";
import { checksumRef, envRef, job, model, platformRef, run, secretRef, text } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { planArtifacts } from "./artifacts";
import { cachePlugins } from "./caches";
import { planCheckout } from "./checkout";
import { atom } from "./conditions";
import { translateJob } from "./job";
import { runnerFields } from "./runners";
import { composeFile, planServices } from "./services";

const collect = () => {
  const list: Diagnostic[] = [];
  return { list, codes: () => list.map((d) => d.code), report: (d: Diagnostic) => list.push(d) };
};
const file = composeFile(".buildkite/pipeline.yml");

describe("job translators", () => {
  it("targets agents by runner class, settings and arch", () => {
    const d = collect();
    expect(runnerFields(job("j"), d.report)).toEqual({});
    expect(runnerFields(job("j", { runner: { className: "large" }, arch: "arm64" }), d.report)).toEqual({
      agents: { queue: "large", arch: "arm64" },
    });
    const settingsJson = JSON.stringify({ agents: { queue: "gpu" }, priority: 2 });
    expect(runnerFields(job("j", { runner: { className: "gpu", settingsJson } }), d.report)).toEqual({
      agents: { queue: "gpu" },
      priority: 2,
    });
    const list = JSON.stringify({ agents: ["queue=arm"] });
    expect(runnerFields(job("j", { runner: { className: "a", settingsJson: list }, arch: "arm64" }), d.report)).toEqual(
      {
        agents: ["queue=arm", "arch=arm64"],
      },
    );
    expect(d.codes()).toEqual([]);
    runnerFields(job("j", { runner: { className: "huge" } }), d.report);
    expect(d.codes()).toEqual(["BUILDKITE-003"]);
  });

  it("steers the agent's checkout with job env", () => {
    expect(planCheckout(job("j"))).toEqual({
      env: [
        ["BUILDKITE_GIT_CLONE_FLAGS", "-v --depth=1"],
        ["BUILDKITE_GIT_FETCH_FLAGS", "-v --prune --depth=1"],
        ["BUILDKITE_GIT_SUBMODULES", "false"],
      ],
      commands: [],
    });
    expect(planCheckout(job("j", { checkout: { enabled: false } }))).toEqual({
      env: [["BUILDKITE_SKIP_CHECKOUT", "true"]],
      commands: [],
    });
    expect(planCheckout(job("j", { checkout: { enabled: true, depth: 0, submodules: true, lfs: true } }))).toEqual({
      env: [["BUILDKITE_GIT_SUBMODULES", "true"]],
      commands: ["git lfs install --local", "git lfs pull"],
    });
  });

  it("uploads artifacts and downloads upstream ones, refusing paths outside the checkout", () => {
    const d = collect();
    const plan = planArtifacts(
      job("j", {
        artifacts: [
          { path: "./out/", name: "j-0" },
          { path: "report.xml", name: "j-1", retentionHours: 24 },
          { path: "/tmp/x", name: "j-2" },
        ],
        artifactInputs: [
          { fromJob: "a", artifact: { path: "dist/", name: "a-0" } },
          { fromJob: "b", artifact: { path: "logs/*.txt", name: "b-0" } },
        ],
      }),
      new Set(["a"]),
      d.report,
    );
    expect(plan).toEqual({
      paths: ["out/**/*", "report.xml", "report.xml/**/*"],
      downloads: [
        "buildkite-agent artifact download 'dist/*' . --step a",
        `{ buildkite-agent artifact download 'logs/*.txt' . --step b; } || echo "no artifact logs/*.txt from b" >&2`,
      ],
    });
    expect(d.codes()).toEqual(["BUILDKITE-006", "BUILDKITE-005"]);
  });

  it("caches through the cache plugin with its key templates", () => {
    const d = collect();
    const key = text("deps-", platformRef("os"), "-", platformRef("arch"), "-", checksumRef("go.sum"), envRef("V"));
    const { plugins, links } = cachePlugins(
      job("j", {
        arch: "arm64",
        caches: [{ name: "go", key, restoreKeys: [text("deps-")], paths: ["~/go"] }],
      }),
      d.report,
    );
    expect(plugins).toEqual([
      {
        "nienbo/cache#v2.4.15": {
          id: "go",
          key: "deps-linux-arm64-{{ checksum 'go.sum' }}{{ env.V }}",
          "restore-keys": ["deps-"],
          paths: ["~/go"],
        },
      },
    ]);
    // On the agent the home directory is the agent's own: nothing to relocate.
    expect(links).toEqual([]);
    expect(d.codes()).toEqual([]);
  });

  it("relocates home-relative cache paths of an image job into the checkout and links them there", () => {
    const d = collect();
    const { plugins, links } = cachePlugins(
      job("j", {
        image: "node:20",
        caches: [{ name: "node", key: text("node"), paths: ["~/.npm", "node_modules", "/opt/cache"] }],
      }),
      d.report,
    );
    expect(plugins[0]["nienbo/cache#v2.4.15"]).toMatchObject({
      paths: [".cigen/home/.npm", "node_modules", "/opt/cache"],
    });
    expect(links).toEqual([
      'mkdir -p "$PWD"/.cigen/home/.npm',
      'if [ -L "$HOME"/.npm ] || [ ! -e "$HOME"/.npm ] || rmdir "$HOME"/.npm 2>/dev/null; then ln -sfn "$PWD"/.cigen/home/.npm "$HOME"/.npm; fi',
    ]);
    // Only the path that cannot be relocated is warned about.
    expect(d.codes()).toEqual(["BUILDKITE-008"]);
    expect(d.list[0].message).toContain("paths /opt/cache are outside the checkout");
  });

  it("puts the links at the start of an image job's command, escaped for the upload", () => {
    const d = collect();
    const { step } = translateJob(
      job("j", {
        image: "node:20",
        steps: [
          { kind: { case: "restoreCache", value: { key: text("npm"), paths: ["~/.npm"] } } },
          run("npm ci"),
          { kind: { case: "saveCache", value: { key: text("npm"), paths: ["~/.npm"] } } },
        ],
      }),
      { kind: "true" },
      { model: model(), compose: file, report: d.report },
    );
    expect(String(step.command).split("\n")).toEqual([
      'mkdir -p "$$PWD"/.cigen/home/.npm',
      'if [ -L "$$HOME"/.npm ] || [ ! -e "$$HOME"/.npm ] || rmdir "$$HOME"/.npm 2>/dev/null; then ln -sfn "$$PWD"/.cigen/home/.npm "$$HOME"/.npm; fi',
      "npm ci",
    ]);
    expect(JSON.stringify(step.plugins)).toContain('"paths":[".cigen/home/.npm"]');
    expect(d.codes()).toEqual([]);
  });

  it("runs services beside the job's image through docker compose", () => {
    const services = [
      {
        name: "db",
        image: "postgres:16",
        ports: [5432],
        healthCmd: "pg_isready",
        env: [{ name: "P", value: text(secretRef("S"), "$") }],
      },
    ];
    const plan = planServices(job("j", { image: "node:20", services }), file, false, collect().report);
    expect(plan.env).toEqual([
      ["DB_HOST", "db"],
      ["DB_PORT", "5432"],
    ]);
    expect(plan.compose["j-db"]).toMatchObject({ image: "postgres:16", environment: { P: `\${S}$$` } });
    expect(plan.compose.j).toEqual({
      image: "node:20",
      working_dir: "/workdir",
      volumes: ["..:/workdir"],
      depends_on: { "j-db": { condition: "service_healthy" } },
    });
    expect(plan.plugin).toEqual({
      "docker-compose#v5.2.0": {
        run: "j",
        config: ".buildkite/docker-compose.cigen.yml",
        "propagate-environment": true,
      },
    });
  });

  it("starts services on the agent for a job without an image", () => {
    const plan = planServices(
      job("j", { services: [{ name: "redis", image: "redis:7", ports: [6379] }] }),
      file,
      false,
      collect().report,
    );
    expect(plan.env).toEqual([
      ["REDIS_HOST", "127.0.0.1"],
      ["REDIS_PORT", "6379"],
    ]);
    expect(plan.start[0]).toBe(
      `docker compose -p "cigen-\${BUILDKITE_JOB_ID}" -f - up --detach --wait <<'CIGEN_COMPOSE'`,
    );
    expect(plan.stop).toEqual([`docker compose -p "cigen-\${BUILDKITE_JOB_ID}" down --volumes`]);
    expect(plan.compose).toEqual({});
  });

  it("assembles a step: env, secrets, escaped command, timeout, merged provider_config", () => {
    const d = collect();
    const j = job("j", {
      image: "node:20",
      timeoutMinutes: 5,
      env: [
        { name: "A", value: text("$1") },
        { name: "T", value: text(secretRef("TOKEN")) },
      ],
      providerConfigJson: JSON.stringify({ soft_fail: true, env: { A: "x" } }),
    });
    const { step } = translateJob(j, atom('build.branch == "main"'), {
      model: model({ jobs: [j] }),
      compose: file,
      report: d.report,
    });
    expect(step).toEqual({
      label: "j",
      key: "j",
      if: 'build.branch == "main"',
      command: `export T="$\${TOKEN}"\necho j`,
      env: {
        BUILDKITE_GIT_CLONE_FLAGS: "-v --depth=1",
        BUILDKITE_GIT_FETCH_FLAGS: "-v --prune --depth=1",
        BUILDKITE_GIT_SUBMODULES: "false",
        A: "x",
      },
      secrets: ["TOKEN"],
      plugins: [{ "docker#v5.11.0": { image: "node:20", "propagate-environment": true } }],
      timeout_in_minutes: 5,
      soft_fail: true,
    });
    expect(d.codes()).toEqual([]);
  });
});
