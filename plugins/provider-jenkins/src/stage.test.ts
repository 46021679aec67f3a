// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally
import { create } from "@bufbuild/protobuf";
import { StepCondition, StepSchema } from "@cigen/protocol";
import { job, modelOf, run, setupToolchain, t, templateRun } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { agentLabel, agentLines } from "./agent";
import { includesOf, keepSteps, unstashSteps } from "./artifacts";
import { cacheEntries, cacheName, cachePath } from "./caches";
import { checkoutStep } from "./checkout";
import { environmentValue, globalEnvironment, stageEnvironment } from "./environment";
import { serviceVariables } from "./services";
import { jobStage } from "./stage";
import { shSteps, stepSecrets, withCredentials } from "./steps";
import { allOf } from "./when";

describe("agent", () => {
  it("uses docker for an image, a label for a class or arm64, else any agent", () => {
    expect(agentLines(job("j", { image: "node:20" }), "")).toEqual([
      "agent {",
      "  docker {",
      "    image 'node:20'",
      "  }",
      "}",
    ]);
    expect(agentLabel(job("j", { runner: { className: "large" }, arch: "arm64" })).label).toBe("large && arm64");
    expect(agentLabel(job("j", { runner: { className: "x", settingsJson: '{"label":"gpu"}' } })).label).toBe("gpu");
    expect(agentLines(job("j"), "")).toEqual(["agent any"]);
    expect(agentLabel(job("j", { runner: { className: "custom" } })).diagnostics.map((d) => d.code)).toEqual([
      "JENKINS-003",
    ]);
  });
});

describe("checkout", () => {
  it("checks out scm with depth, submodules and LFS, or not at all", () => {
    expect(checkoutStep(job("j", { checkout: { enabled: true, depth: 0, submodules: true, lfs: true } }))).toBe(
      "checkout scmGit(branches: scm.branches, userRemoteConfigs: scm.userRemoteConfigs, extensions: [submodule(disableSubmodules: false, recursiveSubmodules: true, trackingSubmodules: false, parentCredentials: true, reference: '', timeout: 10), [$class: 'GitLFSPull']])",
    );
    expect(checkoutStep(job("j"))).toContain("cloneOption(shallow: true, depth: 1,");
    expect(checkoutStep(job("j", { checkout: { enabled: false } }))).toBeUndefined();
  });
});

describe("environment", () => {
  it("binds a secret with credentials(), reads env in GStrings and lists only what a stage changes", () => {
    const j = job("j");
    expect(environmentValue(j, t("{{ secrets.TOKEN }}"))).toBe("credentials('TOKEN')");
    expect(environmentValue(j, t("it's $5"))).toBe("'it\\'s $5'");
    expect(environmentValue(j, t('{{ env.HOME }}/"x" $y {{ git.sha }}'))).toBe(
      '"${env.HOME}/\\"x\\" \\$y ${env.GIT_COMMIT}"',
    );
    const globals = globalEnvironment(modelOf([], { env: [{ name: "A", value: t("1") }] }), j);
    expect(globals).toEqual([["A", "'1'"]]);
    expect(
      stageEnvironment(
        job("k", {
          env: [
            { name: "A", value: t("1") },
            { name: "B", value: t("2") },
          ],
        }),
        globals,
      ),
    ).toEqual([["B", "'2'"]]);
  });
});

describe("steps", () => {
  it("writes each step as sh with a single-quoted script and binds the secrets it reads", () => {
    const j = job("j", {
      steps: [
        templateRun("deploy --token {{ secrets.TOKEN }} --sha {{ git.sha }}", { name: "Deploy" }),
        templateRun("echo '${HOME}'"),
      ],
    });
    expect(shSteps(j)).toEqual([
      "sh label: 'Deploy', script: 'deploy --token ${TOKEN} --sha ${GIT_COMMIT}'",
      "sh 'echo \\'${HOME}\\''",
    ]);
    expect(stepSecrets(j)).toEqual(["TOKEN"]);
    expect(withCredentials(["TOKEN"], ["sh 'x'"])).toEqual([
      "withCredentials([string(credentialsId: 'TOKEN', variable: 'TOKEN')]) {",
      "  sh 'x'",
      "}",
    ]);
  });

  it("runs failure and always steps through one status-recording script", () => {
    const j = job("j", {
      steps: [templateRun("make"), templateRun("echo failed", { condition: StepCondition.FAILURE })],
    });
    const [sh] = shSteps(j);
    expect(sh.startsWith("sh label: 'steps', script: '''set -e\ncigen_failed=0\n")).toBe(true);
    expect(sh).toContain('if [ "$cigen_failed" != 0 ]; then\nset +e\n(\nset -e\necho failed\n)');
    expect(sh.endsWith(`if [ "$cigen_failed" != 0 ]; then exit 1; fi'''`)).toBe(true);
  });
});

describe("artifacts", () => {
  it("stashes and archives kept artifacts and unstashes inputs, guarding OR-side ones", () => {
    expect(includesOf("dist/")).toBe("dist/**");
    expect(includesOf("out/*.tgz")).toBe("out/*.tgz");
    expect(includesOf("app.tgz")).toBe("app.tgz, app.tgz/**");
    expect(keepSteps([{ path: "dist/", retentionHours: 0, name: "b-0" }] as never)).toEqual([
      "stash name: 'b-0', includes: 'dist/**', allowEmpty: true",
      "archiveArtifacts artifacts: 'dist/**', allowEmptyArchive: true",
    ]);
    const j = job("j", {
      artifactInputs: [
        { fromJob: "a", artifact: { path: "a/", name: "a-0" } },
        { fromJob: "or-side", artifact: { path: "o/", name: "or-side-0" } },
      ],
    });
    expect(unstashSteps(j, new Set(["a"]))).toEqual([
      "unstash 'a-0'",
      "script { if (env.CIGEN_OK_or_side == 'true') { unstash 'or-side-0' } }",
    ]);
  });
});

describe("jobStage", () => {
  const placement = { when: allOf(), globals: [], certain: new Set<string>(), marked: true };

  it("asks for manual approval before the agent and records success for dependants", () => {
    const { lines } = jobStage(job("deploy", { trigger: { manual: true }, timeoutMinutes: 15 }), placement);
    const text = lines.join("\n");
    expect(text).toContain("input {\n    message 'Run deploy?'\n    ok 'Run'\n  }");
    expect(text).toContain("timeout(time: 15, unit: 'MINUTES')");
    expect(text).toContain("script { env.CIGEN_OK_deploy = 'true' }");
  });

  it("wraps the steps in Job Cacher's cache step, keyed by the lock file and the key's static part", () => {
    const key = t('{{ os }}-{{ arch }}-node-20.11.1-pnpm-9-{{ checksum "pnpm-lock.yaml" }}');
    const j = job("it", {
      arch: "arm64",
      caches: [{ name: "pnpm", key, paths: ["~/.local/share/pnpm/store/", "node_modules/"] }],
      steps: [run("pnpm install")],
    });
    const { lines, diagnostics } = jobStage(j, placement);
    const text = lines.join("\n");
    expect(text).toContain(
      ["    catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') {", "      checkout scmGit("].join("\n"),
    );
    expect(text).toContain(
      [
        "      cache(maxCacheSize: 2048, caches: [",
        "          arbitraryFileCache(path: \"${env.HOME}/.local/share/pnpm/store\", cacheName: 'linux-arm64-node-20.11.1-pnpm-9', cacheValidityDecidingFile: 'pnpm-lock.yaml', includes: '**/*'),",
        "          arbitraryFileCache(path: 'node_modules', cacheName: 'linux-arm64-node-20.11.1-pnpm-9-2', cacheValidityDecidingFile: 'pnpm-lock.yaml', includes: '**/*')",
        "      ]) {",
        "        sh 'pnpm install'",
        "      }",
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
  });

  it("caches the paths of cache steps once, and warns about a restore_cache without paths", () => {
    const restore = (key: string, paths: string[] = []) =>
      create(StepSchema, { kind: { case: "restoreCache", value: { key: t(key), paths } } });
    const save = (key: string, paths: string[]) =>
      create(StepSchema, { kind: { case: "saveCache", value: { key: t(key), paths } } });
    const j = job("it", {
      steps: [
        restore('tools-{{ checksum "tools.lock" }}', ["tools/cache"]),
        restore("other-{{ env.X }}"),
        run("make"),
        save('tools-{{ checksum "tools.lock" }}', ["tools/cache"]),
        save("/abs/{{ git.sha }}", ["/var/cache/x"]),
      ],
    });
    expect(cacheEntries(j)).toEqual([
      { path: "'tools/cache'", name: "tools", validity: "tools.lock" },
      { path: "'/var/cache/x'", name: "abs" },
    ]);
    expect(cachePath("~")).toBe("env.HOME");
    expect(cachePath("~/a$b")).toBe('"${env.HOME}/a\\$b"');
    expect(cacheName(j, t("{{ env.X }}"))).toBe("cache");
    const { diagnostics } = jobStage(j, placement);
    expect(diagnostics.map((d) => [d.code, d.level])).toEqual([["JENKINS-005", 2]]);
    expect(jobStage(job("none"), placement).lines.join("\n")).not.toContain("cache(");
  });
});

describe("jobStage with services", () => {
  const placement = { when: allOf(), globals: [], certain: new Set<string>(), marked: false };
  const postgres = {
    name: "postgres",
    image: "postgres:16",
    ports: [5432],
    healthCmd: "pg_isready",
    env: [{ name: "POSTGRES_PASSWORD", value: t("{{ secrets.PG_PASSWORD }}") }],
    connectionEnv: [{ name: "DATABASE_URL", template: "postgres://u@{host}:{port}/db" }],
  };

  it("runs on an agent with Docker, enters the job's image after the services start and removes them in cleanup", () => {
    const j = job("it", {
      image: "ruby:3.3",
      runner: { className: "large" },
      services: [postgres, { name: "cache", image: "memcached:1.6" }],
      env: [
        { name: "PLAIN", value: t("1") },
        { name: "PGURL", value: t("{{ env.DATABASE_URL }}?sslmode=disable") },
        { name: "NET", value: t("{{ env.CIGEN_SERVICES_NETWORK }}") },
      ],
    });
    const { lines, diagnostics } = jobStage(j, placement);
    const text = lines.join("\n");
    expect(text).toContain("stage('it') {\n  agent { label 'large' }");
    expect(text).not.toContain("docker {");
    // A value that reads a service variable is computed in each step, once the services run.
    expect(text).toContain("environment {\n    PLAIN = '1'\n  }");
    expect(text).toContain('export PGURL="${DATABASE_URL}?sslmode=disable"');
    expect(text).toContain('export NET="${CIGEN_SERVICES_NETWORK}"');
    // The services' secrets are bound for the start script.
    expect(text).toContain("withCredentials([string(credentialsId: 'PG_PASSWORD', variable: 'PG_PASSWORD')]) {");
    expect(text).toContain("withEnv(cigenServices.readLines()) {");
    expect(text).toContain("docker.image('ruby:3.3').inside(\"--network ${env.CIGEN_SERVICES_NETWORK}\") {");
    expect(text).toContain("post {\n    cleanup {\n      sh label: 'Stop services'");
    expect(diagnostics.map((d) => d.code)).toEqual(["JENKINS-010"]);
    expect(diagnostics[0].message).toBe(
      'job "it": service "cache" lists no ports, so the jenkins provider cannot set CACHE_PORT',
    );
  });

  it("gives a job on the agent 127.0.0.1 and the published port, and lets the job's own env win", () => {
    const j = job("it", { services: [postgres], env: [{ name: "DATABASE_URL", value: t("mine") }] });
    expect(serviceVariables(j)).toEqual([
      { name: "POSTGRES_HOST", value: "127.0.0.1" },
      { name: "POSTGRES_PORT", value: "${cigen_port_0}" },
    ]);
    const text = jobStage(j, placement).lines.join("\n");
    expect(text).toContain("agent any");
    expect(text).toContain("-p 127.0.0.1::5432");
    expect(text).not.toContain(".inside(");
  });
});

describe("jobStage with SetupToolchain steps", () => {
  const placement = { when: allOf(), globals: [], certain: new Set<string>(), marked: false };
  const steps = [
    setupToolchain("node", "20.11.1", "node:20.11.1"),
    setupToolchain("go", "1.22.1", "golang:1.22.1"),
    run("make"),
  ];

  it("runs the stage in the first toolchain's image and installs the others", () => {
    const text = jobStage(job("t", { steps }), placement).lines.join("\n");
    expect(text).toContain("agent {\n    docker {\n      image 'node:20.11.1'\n    }\n  }");
    expect(text).toContain("sh label: 'Set up go 1.22.1', script: 'cigen-install-go 1.22.1'\n");
    expect(text).not.toContain("cigen-install-node");
  });

  it("installs every toolchain where provider_config chooses the agent, or the job names its image", () => {
    const custom = jobStage(job("t", { steps, providerConfigJson: '{"agent":{"label":"mac"}}' }), placement);
    expect(custom.lines.join("\n")).toContain("agent {\n    label 'mac'\n  }");
    expect(custom.lines.join("\n")).toContain("script: 'cigen-install-node 20.11.1'");
    const own = jobStage(job("t", { steps, image: "debian:12" }), placement).lines.join("\n");
    expect(own).toContain("image 'debian:12'");
    expect(own).toContain("script: 'cigen-install-node 20.11.1'");
  });

  it("enters the toolchain's image after the services start", () => {
    const j = job("t", { steps, services: [{ name: "redis", image: "redis:7", ports: [6379] }] });
    const text = jobStage(j, placement).lines.join("\n");
    expect(text).toContain("docker.image('node:20.11.1').inside(");
    expect(text).toContain("REDIS_HOST=redis");
  });
});
