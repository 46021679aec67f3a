// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables, meant literally.
import { create } from "@bufbuild/protobuf";
import { createTestHost } from "@cigen/plugin-sdk/testing";
import { type Diagnostic, type Job, type SetupToolchainStep, StepSchema } from "@cigen/protocol";
import { envRef, job, model, run, setupToolchain, text } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { atom } from "./conditions";
import { translateJob } from "./job";
import { plugin } from "./plugin";
import { composeFile } from "./services";
import { buildScript } from "./steps";

function translate(j: Job) {
  const diagnostics: Diagnostic[] = [];
  const context = {
    model: model({ jobs: [j] }),
    compose: composeFile(PIPELINE),
    report: (d: Diagnostic) => diagnostics.push(d),
  };
  return { ...translateJob(j, atom("true"), context), codes: diagnostics.map((d) => d.code) };
}

const PIPELINE = ".buildkite/pipeline.yml";
const node = setupToolchain("node", "20.11.1", "node:20.11.1");
const pg = {
  name: "postgres",
  image: "postgres:16",
  ports: [5432],
  connectionEnv: [{ name: "DATABASE_URL", template: "postgres://postgres:pa$$@{host}:{port}/test" }],
};

describe("toolchains on Buildkite", () => {
  it("runs a job without an image in its first toolchain's image and installs the others there", () => {
    const { step, codes } = translate(job("t", { steps: [node, setupToolchain("ruby", "3.3.0"), run("make")] }));
    expect(step.plugins).toEqual([{ "docker#v5.11.0": { image: "node:20.11.1", "propagate-environment": true } }]);
    // The install script runs from a quoted here-document (see toolchains.ts).
    expect(step.command).toBe(
      [
        "# Set up ruby 3.3.0",
        "(",
        "sh -e <<'CIGEN_INSTALL'",
        "cigen-install-ruby 3.3.0",
        "CIGEN_INSTALL",
        ")",
        "# step 2",
        "(",
        "make",
        ")",
      ].join("\n"),
    );
    expect(codes).toEqual([]);
  });

  it("installs every toolchain in the job's own image", () => {
    const { step } = translate(job("t", { image: "debian:12", steps: [node, run("make")] }));
    expect(step.plugins).toEqual([{ "docker#v5.11.0": { image: "debian:12", "propagate-environment": true } }]);
    expect(step.command).toContain("cigen-install-node 20.11.1");
  });

  it("installs a toolchain without an image on the agent", () => {
    const { step } = translate(job("t", { steps: [setupToolchain("zig", "0.11.0"), run("zig build")] }));
    expect(step.plugins).toBeUndefined();
    expect(step.command).toContain("cigen-install-zig 0.11.0");
  });

  it("runs a toolchain job with services in a compose service of the toolchain's image", () => {
    const { step, compose } = translate(job("t", { services: [pg], steps: [node, run("npm test")] }));
    expect(compose.t).toMatchObject({ image: "node:20.11.1", working_dir: "/workdir" });
    expect(step.plugins).toEqual([{ "docker-compose#v5.2.0": expect.objectContaining({ run: "t" }) }]);
    expect((step.env as Record<string, string>).DATABASE_URL).toBe("postgres://postgres:pa$$$$@postgres:5432/test");
  });

  it("installs a SetupToolchain step that reaches the script unplaced", () => {
    const script = buildScript(job("t", { steps: [node, run("make")] }), { prelude: [], cleanup: [] }, () => {});
    expect(script.join("\n").split("\n")).toEqual([
      "# Set up node 20.11.1",
      "(",
      "sh -e <<'CIGEN_INSTALL'",
      "cigen-install-node 20.11.1",
      "CIGEN_INSTALL",
      ")",
      "# step 2",
      "(",
      "make",
      ")",
    ]);
  });
});

describe("install scripts on Buildkite", () => {
  it("pick a here-document delimiter the script does not use", () => {
    const step = setupToolchain("go", "1.22.0");
    const setup = step.kind.value as SetupToolchainStep;
    setup.install = text("cat <<'CIGEN_INSTALL'\nhi\nCIGEN_INSTALL\n", envRef("GOFLAGS"));
    const { step: out } = translate(job("t", { steps: [step] }));
    expect(out.command).toBe(
      "sh -e <<'CIGEN_INSTALL_'\ncat <<'CIGEN_INSTALL'\nhi\nCIGEN_INSTALL\n$${GOFLAGS}\nCIGEN_INSTALL_",
    );
  });
});

describe("service connection variables on Buildkite", () => {
  it("use the agent's address for services started there, escaped for the upload; the job's env wins", () => {
    const redis = {
      name: "redis",
      image: "redis:7",
      ports: [6379],
      connectionEnv: [{ name: "REDIS_URL", template: "redis://{host}:{port}/0" }],
    };
    const { step } = translate(
      job("t", { services: [pg, redis], env: [{ name: "REDIS_URL", value: text(envRef("MY_REDIS")) }] }),
    );
    const env = step.env as Record<string, string>;
    // `$$` in the template is two dollars at run time, so four once escaped for pipeline upload.
    expect(env.DATABASE_URL).toBe("postgres://postgres:pa$$$$@127.0.0.1:5432/test");
    expect(env.REDIS_URL).toBeUndefined();
    expect(step.command).toContain(`export REDIS_URL="$\${MY_REDIS}"`);
  });
});

it("writes toolchain and service jobs that Buildkite's schema and shellcheck accept", async () => {
  // A realistic install script: shell variables, a substitution, a heredoc-free multi-line body.
  const install = create(StepSchema, {
    kind: {
      case: "setupToolchain",
      value: {
        tool: "node",
        version: "20.11.1",
        image: "node:20.11.1",
        install: text(
          'if [ "$(node --version 2>/dev/null)" != "v20.11.1" ]; then\n' +
            '  arch="$(uname -m)"; [ "$arch" = x86_64 ] && arch=x64 || arch=arm64\n' +
            '  curl -fsSL "https://nodejs.org/dist/v20.11.1/node-v20.11.1-linux-${arch}.tar.xz" | tar -xJ -C "$HOME"\n' +
            "fi",
        ),
      },
    },
  });
  const jobs = [
    job("test", { services: [pg], steps: [node, setupToolchain("rust", "1.75.0"), run("npm test")] }),
    job("agent", { services: [pg], steps: [setupToolchain("zig", "0.11.0"), run("zig build test")] }),
    job("img", { image: "debian:12", steps: [install, run("node --version")] }),
  ];
  const host = createTestHost(plugin);
  const res = await host.call("generate", { target: "buildkite", model: model({ jobs }) });
  host.close();
  expect(res.diagnostics.map((d) => d.code)).toEqual([]);
  const findings = await validateFiles("buildkite", [{ file: "pipeline.yml", text: res.fragments[0].content }]);
  expect(formatFindings(findings)).toBe("");
});
