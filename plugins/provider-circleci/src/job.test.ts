import type { Diagnostic } from "@cigen/protocol";
import { checksumRef, job, platformRef, secretRef, text } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { translateArtifacts } from "./artifacts";
import { translateCaches } from "./caches";
import { translateCheckout } from "./checkout";
import { translateJob } from "./job";
import { translateJobEnv } from "./job-env";
import { planServices } from "./services";

const collect = () => {
  const list: Diagnostic[] = [];
  return { list, report: (d: Diagnostic) => list.push(d) };
};

describe("job translators", () => {
  it("checks out shallow, full, with submodules and LFS, or not at all", () => {
    expect(translateCheckout(job("j"))).toEqual([{ checkout: { method: "shallow", depth: 1 } }]);
    expect(translateCheckout(job("j", { checkout: { enabled: false } }))).toEqual([]);
    const full = translateCheckout(job("j", { checkout: { enabled: true, depth: 0, submodules: true, lfs: true } }));
    expect(full.map((s) => Object.keys(s)[0])).toEqual(["checkout", "run", "run"]);
    expect(full[0]).toEqual({ checkout: { method: "full" } });
  });

  it("exports runtime-valued job env through $BASH_ENV", () => {
    const env = translateJobEnv(
      job("j", {
        env: [
          { name: "A", value: text("1") },
          { name: "T", value: text(secretRef("TOKEN")) },
        ],
      }),
      [["DB_HOST", "localhost"]],
    );
    expect(env.environment).toEqual({ DB_HOST: "localhost", A: "1" });
    expect(env.step).toEqual({
      run: { name: "Set environment", command: `cat >> "$BASH_ENV" <<'CIGEN_ENV'\nexport T="\${TOKEN}"\nCIGEN_ENV` },
    });
  });

  it("restores caches before and saves them after, keyed by platform and checksum", () => {
    const key = text("deps-", platformRef("os"), "-", platformRef("arch"), "-", checksumRef("go.sum"));
    const caches = translateCaches(job("j", { arch: "arm64", caches: [{ name: "go", key, paths: ["~/go"] }] }));
    expect(caches).toEqual({
      restore: [{ restore_cache: { name: "Restore cache go", keys: ['deps-linux-arm64-{{ checksum "go.sum" }}'] } }],
      save: [
        { save_cache: { name: "Save cache go", key: 'deps-linux-arm64-{{ checksum "go.sum" }}', paths: ["~/go"] } },
      ],
    });
  });

  it("persists and stores artifacts, attaches upstream ones, refuses absolute paths", () => {
    const d = collect();
    const steps = translateArtifacts(
      job("j", {
        artifacts: [
          { path: "./out/", name: "j-0" },
          { path: "/tmp/x", name: "j-1" },
        ],
        artifactInputs: [{ fromJob: "a", artifact: { path: "a", name: "a-0" } }],
      }),
      d.report,
    );
    expect(steps).toEqual({
      attach: [{ attach_workspace: { at: "." } }],
      keep: [
        { persist_to_workspace: { root: ".", paths: ["out"] } },
        { store_artifacts: { path: "out", destination: "j-0" } },
      ],
    });
    expect(d.list.map((x) => x.code)).toEqual(["CIRCLECI-007"]);
  });

  it("gives services HOST/PORT on localhost, as containers or docker run", () => {
    const services = [{ name: "my-db", image: "postgres:16", ports: [5432], healthCmd: "pg_isready" }];
    const docker = planServices(job("j", { services }), "docker", collect().report);
    expect(docker.env).toEqual([
      ["MY_DB_HOST", "localhost"],
      ["MY_DB_PORT", "5432"],
    ]);
    expect(docker.containers).toEqual([{ image: "postgres:16" }]);
    const machine = planServices(job("j", { services }), "machine", collect().report);
    expect(machine.containers).toEqual([]);
    expect((machine.steps[0].run as { command: string }).command).toBe(
      "docker run --detach \\\n  --name my-db \\\n  --publish 5432:5432 \\\n  --health-cmd pg_isready --health-interval 2s \\\n  postgres:16",
    );
  });

  it("refuses runtime env on a service container", () => {
    const d = collect();
    planServices(
      job("j", { services: [{ name: "db", image: "pg", env: [{ name: "P", value: text(secretRef("P")) }] }] }),
      "docker",
      d.report,
    );
    expect(d.list.map((x) => x.code)).toEqual(["CIRCLECI-005"]);
  });

  it("assembles a job and merges its provider_config, leaving workflow keys out", () => {
    const d = collect();
    const def = translateJob(
      job("j", { timeoutMinutes: 5, providerConfigJson: JSON.stringify({ context: "x", resource_class: "large" }) }),
      d.report,
    );
    expect(def).toEqual({
      docker: [{ image: "cimg/base:current" }],
      resource_class: "large",
      steps: [{ checkout: { method: "shallow", depth: 1 } }, { run: { command: "echo j", no_output_timeout: "5m" } }],
    });
    expect(d.list.map((x) => [x.code, x.level])).toEqual([["CIRCLECI-009", 2]]);
  });
});
