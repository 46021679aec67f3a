import { execFileSync } from "node:child_process";
import { planIn, tempRepo } from "@cigen/module-kit/testing";
import { createTestHost } from "@cigen/plugin-sdk/testing";
import type { Step, Text } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const show = (t: Text | undefined) =>
  (t?.parts ?? []).map((p) => (p.kind.case === "literal" ? p.kind.value : `<${p.kind.case}:${p.kind.value}>`)).join("");
const command = (s: Step) => (s.kind.case === "run" ? show(s.kind.value.command) : "");
const job = (extra: object) => ({ jobId: "build", baseId: "build", ...extra });
const use = (withInputs: Record<string, string>, stepIndex = 1) => ({ stepIndex, constraint: "^1", with: withInputs });
const repo = { Dockerfile: "FROM node:20.11.1\n", ".dockerignore": "node_modules\n", "package.json": "{}" };

describe("docker/build plan: packages: [docker]", () => {
  it("sets up the builder and builds the root Dockerfile with a local layer cache, loaded as app:ci", async () => {
    const r = await planIn(module, repo, [job({ packages: ["docker"] })]);
    const [c] = r.contributions;
    expect(c.setupSteps.map((s) => s.name)).toEqual(["Set up Docker Buildx", "Build Dockerfile"]);
    expect(command(c.setupSteps[0])).toContain("docker buildx create --name cigen --driver docker-container --use");
    expect(command(c.setupSteps[1])).toBe(
      [
        "set -e",
        'set -- "$(mktemp -d)"',
        'if [ -d .buildx-cache ]; then mv .buildx-cache "$1/cache"; else mkdir "$1/cache"; fi',
        "docker buildx build \\",
        "  --builder cigen \\",
        "  --file Dockerfile \\",
        "  --tag app:ci \\",
        '  --cache-from "type=local,src=$1/cache/Dockerfile" \\',
        '  --cache-to "type=local,dest=$1/new,mode=max" \\',
        "  --load \\",
        "  .",
        'rm -rf "$1/cache/Dockerfile"',
        'mv "$1/new" "$1/cache/Dockerfile"',
        'mv "$1/cache" .buildx-cache',
      ].join("\n"),
    );
    expect(c.caches.map((k) => [k.name, show(k.key), k.restoreKeys.map(show), k.paths])).toEqual([
      [
        "docker",
        "<platform:os>-<platform:arch>-docker-Dockerfile-<checksum:Dockerfile>",
        ["<platform:os>-<platform:arch>-docker-Dockerfile-"],
        [".buildx-cache"],
      ],
    ]);
    expect([c.signatureFiles, c.signatureValues]).toEqual([
      ["Dockerfile", ".dockerignore"],
      { dockerfile: "Dockerfile" },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("names the image after the project", async () => {
    const host = createTestHost(module);
    try {
      const r = await host.call("plan", {
        repoRoot: tempRepo(repo),
        configJson: JSON.stringify({ project: { name: "Acme Shop!" } }),
        jobs: [job({ packages: ["docker"] })],
      });
      expect(command(r.contributions[0].setupSteps[1])).toContain("--tag acme-shop:ci");
    } finally {
      host.close();
    }
  });

  it("warns and only sets up the builder when there is no Dockerfile", async () => {
    const r = await planIn(module, { "README.md": "x" }, [job({ packages: ["docker"] })]);
    expect(r.contributions[0].setupSteps.map((s) => s.name)).toEqual(["Set up Docker Buildx"]);
    expect(r.contributions[0].caches).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DOCKER-002"]);
  });
});

describe("docker/build plan: uses: docker/build", () => {
  const files = {
    ...repo,
    "services/api/Dockerfile": "FROM golang:1.22\n",
    "services/api/.dockerignore": "bin\n",
  };

  it("replaces the step with the build its inputs describe", async () => {
    const r = await planIn(module, files, [
      job({
        uses: [
          use({
            context: "services/api",
            tags: "ghcr.io/acme/api:latest, ghcr.io/acme/api:$GITHUB_SHA",
            push: "true",
            target: "runtime",
            build_args: "GO_VERSION=1.22\nLDFLAGS=-s -w",
          }),
        ],
      }),
    ]);
    const [c] = r.contributions;
    expect(c.setupSteps).toEqual([]);
    expect(c.replacements.map((x) => [x.stepIndex, x.steps.map((s) => s.name)])).toEqual([
      [1, ["Set up Docker Buildx", "Build services/api/Dockerfile"]],
    ]);
    const build = command(c.replacements[0].steps[1]);
    for (const arg of [
      "--file services/api/Dockerfile",
      "--tag ghcr.io/acme/api:latest",
      '--tag "ghcr.io/acme/api:$GITHUB_SHA"',
      "--target runtime",
      "--build-arg GO_VERSION=1.22",
      '--build-arg "LDFLAGS=-s -w"',
      '--cache-from "type=local,src=$1/cache/services_api_Dockerfile-runtime"',
      "--push",
      "  services/api\n",
    ])
      expect(build).toContain(arg);
    expect(build).not.toContain("--load");
    expect(show(c.caches[0].key)).toBe(
      "<platform:os>-<platform:arch>-docker-services_api_Dockerfile-runtime-<checksum:services/api/Dockerfile>",
    );
    expect(c.signatureFiles).toEqual(["services/api/Dockerfile", "services/api/.dockerignore"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("keeps runtime references of inputs for the provider to write", async () => {
    const r = await planIn(module, repo, [
      job({ uses: [use({ tags: "ghcr.io/acme/app:{{ git.sha }}", build_args: "TOKEN={{ secret.NPM_TOKEN }}" })] }),
    ]);
    const build = r.contributions[0].replacements[0].steps[1];
    expect(build.kind.case === "run" && build.kind.value.command?.parts.map((p) => p.kind.case)).toEqual([
      "literal",
      "git",
      "literal",
      "secret",
      "literal",
    ]);
    expect(command(build)).toContain('--tag "ghcr.io/acme/app:<git:sha>"');
    expect(command(build)).toContain('--build-arg "TOKEN=<secret:NPM_TOKEN>"');
  });

  it("adds QEMU for foreign platforms and builds several platforms without loading them", async () => {
    const r = await planIn(module, repo, [
      job({ arch: "amd64", uses: [use({ platforms: "linux/amd64,linux/arm64,linux/arm/v7" })] }),
    ]);
    const steps = r.contributions[0].replacements[0].steps;
    expect(steps.map((s) => s.name)).toEqual([
      "Set up Docker Buildx",
      "Set up QEMU for arm64, arm",
      "Build Dockerfile",
    ]);
    expect(command(steps[1])).toBe("docker run --privileged --rm tonistiigi/binfmt --install arm64,arm");
    expect(command(steps[2])).toContain("--platform linux/amd64,linux/arm64,linux/arm/v7");
    expect(command(steps[2])).not.toContain("--load");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DOCKER-005"]);
  });

  it("keeps one cache for every build of a job, and says what it does not understand", async () => {
    const r = await planIn(module, files, [
      job({
        packages: ["docker"],
        uses: [
          use({ file: "services/api/Dockerfile", push: "maybe", tag: "x" }, 3),
          use({ file: "gen/Dockerfile" }, 4),
        ],
      }),
    ]);
    const [c] = r.contributions;
    expect(c.setupSteps.map((s) => s.name)).toEqual(["Set up Docker Buildx", "Build Dockerfile"]);
    expect(c.replacements.map((x) => x.steps.map((s) => s.name))).toEqual([
      ["Build services/api/Dockerfile"],
      ["Build gen/Dockerfile"],
    ]);
    expect(c.caches).toHaveLength(1);
    expect(show(c.caches[0].key)).toBe(
      "<platform:os>-<platform:arch>-docker-Dockerfile-services_api_Dockerfile-gen_Dockerfile-<checksum:Dockerfile>-<checksum:services/api/Dockerfile>",
    );
    expect(c.signatureValues).toEqual({ dockerfile: "Dockerfile,services/api/Dockerfile,gen/Dockerfile" });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DOCKER-004", "DOCKER-007", "DOCKER-003"]);
    expect(r.diagnostics[0].message).toBe('job "build", step 4: uses docker/build has no input "tag"; it is ignored');
  });

  it("sets the builder up once, in the first of several docker/build steps", async () => {
    const r = await planIn(module, repo, [job({ uses: [use({ target: "b" }, 5), use({ target: "a" }, 2)] })]);
    expect(r.contributions[0].replacements.map((x) => [x.stepIndex, x.steps.map((s) => s.name)])).toEqual([
      [5, ["Build Dockerfile"]],
      [2, ["Set up Docker Buildx", "Build Dockerfile"]],
    ]);
  });

  it("refuses push without tags", async () => {
    const r = await planIn(module, repo, [job({ uses: [use({ push: "yes" })] })]);
    expect(r.diagnostics.map((d) => [d.code, d.level])).toEqual([["DOCKER-006", 1]]);
  });

  it("generates scripts shellcheck accepts (POSIX sh)", async () => {
    const r = await planIn(module, files, [
      job({ packages: ["docker"], uses: [use({ platforms: "linux/arm64", build_args: "A=$HOME x", tags: "a:b" })] }),
    ]);
    const c = r.contributions[0];
    const scripts = [...c.setupSteps, ...c.replacements[0].steps].map(command);
    for (const script of scripts) {
      expect(() => execFileSync("shellcheck", ["--shell=sh", "-"], { input: script })).not.toThrow();
    }
  });
});
