import { toBinary, toJson } from "@bufbuild/protobuf";
import { ModelSchema, StepCondition, TextSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { fixture, loadOk } from "../../test-fixtures/config/load";
import { ConfigCodes } from "../config/codes";
import { buildModel } from "./build-model";
import { textToString } from "./interpolate";

const build = (text: string, target = "github") => buildModel(loadOk(text), { target, providers: [target] });

describe("buildModel: minimal", () => {
  it("builds the whole model of a one-job config", () => {
    const { model, diagnostics } = build(fixture("minimal.yml"));
    expect(diagnostics).toEqual([]);
    expect(toJson(ModelSchema, model)).toEqual({
      project: { defaultRunner: "default", type: "default" },
      workflows: [
        {
          id: "ci",
          triggers: { push: { branches: ["**"] }, pullRequest: {} },
          loc: { file: "cigen.yml", path: ["jobs"] },
        },
      ],
      jobs: [
        {
          id: "test",
          baseId: "test",
          runner: { className: "default" },
          steps: [
            {
              run: { command: { parts: [{ literal: "npm test" }] } },
              loc: { file: "cigen.yml", path: ["jobs", "test", "steps", "0"] },
            },
          ],
          checkout: { enabled: true, depth: 1 },
          workflow: "ci",
          loc: { file: "cigen.yml", path: ["jobs", "test"] },
        },
      ],
      configPath: "cigen.yml",
      providers: ["github"],
    });
  });

  it("is deterministic", () => {
    const a = build(fixture("rails.yml")).model;
    const b = build(fixture("rails.yml")).model;
    expect(toBinary(ModelSchema, a)).toEqual(toBinary(ModelSchema, b));
  });
});

describe("buildModel: Rails app", () => {
  const { model, diagnostics } = build(fixture("rails.yml"));
  const job = (id: string) => model.jobs.find((j) => j.id === id)!;

  it("has no diagnostics and expands the ruby matrix", () => {
    expect(diagnostics).toEqual([]);
    expect(model.jobs.map((j) => j.id)).toEqual(["setup", "test-3_2", "test-3_3", "deploy"]);
    expect(job("test-3_2").matrix.map((m) => [m.dimension, m.value])).toEqual([["ruby", "3.2"]]);
    expect(job("test-3_3").image).toBe("ruby:3.3");
    expect(job("deploy").needs).toEqual(["test-3_2", "test-3_3"]);
  });

  it("resolves services from the config and leaves module services for the modules stage", () => {
    expect(job("test-3_2").services.map((s) => [s.name, s.image, s.ports, s.healthCmd])).toEqual([
      ["db", "postgres:16-alpine", [5432], "pg_isready"],
      // A bare name is a service module's: cache/redis fills it in (modules/apply-contributions.ts).
      ["redis", "", [], ""],
    ]);
  });

  it("merges global env first, job env winning", () => {
    const env = job("test-3_2").env.map((e) => [e.name, toJson(TextSchema, e.value!)]);
    expect(env).toEqual([
      ["RAILS_ENV", { parts: [{ literal: "test" }] }],
      [
        "DATABASE_URL",
        { parts: [{ literal: "postgres://postgres:secret@" }, { env: "DB_HOST" }, { literal: "/test" }] },
      ],
      ["CI", { parts: [{ literal: "1" }] }],
    ]);
    expect(model.env.map((e) => e.name)).toEqual(["RAILS_ENV", "CI"]);
  });

  it("builds steps: run forms, conditions, inlined commands, uses", () => {
    const steps = job("test-3_2").steps;
    expect(steps.map((s) => s.name)).toEqual(["", "RSpec", "Upload coverage"]);
    expect(steps[1].env.map((e) => [e.name, toJson(TextSchema, e.value!)])).toEqual([
      ["TOKEN", { parts: [{ secret: "RSPEC_TOKEN" }] }],
    ]);
    expect(steps[2].condition).toBe(StepCondition.ALWAYS);
    const setup = job("setup").steps[0];
    expect(setup.name).toBe("Bundle install");
    expect(setup.kind.case === "run" && textToString(setup.kind.value.command!)).toBe(
      "bundle install --jobs 4 --path vendor/bundle",
    );
    // Inlined command steps point at the command's own step, resolved lazily to line 28, column 9.
    expect(setup.loc).toMatchObject({ line: 0, column: 0, path: ["commands", "bundle", "steps", "0"] });
    const uses = job("deploy").steps[0];
    expect(
      uses.kind.case === "uses" && [uses.kind.value.ref, uses.kind.value.native, uses.kind.value.with[0].name],
    ).toEqual(["actions/setup-ruby@v1", true, "ruby-version"]);
  });

  it("names artifacts and gives them to every downstream job", () => {
    expect(job("test-3_3").artifacts.map((a) => [a.path, a.retentionHours, a.name])).toEqual([
      ["coverage/3.3", 168, "test-3_3-1"],
    ]);
    expect(job("deploy").artifactInputs.map((i) => [i.fromJob, i.artifact!.name])).toEqual([
      ["setup", "setup-1"],
      ["test-3_2", "test-3_2-1"],
      ["test-3_3", "test-3_3-1"],
    ]);
  });

  it("resolves user and built-in caches", () => {
    const [gems] = job("setup").caches;
    expect(toJson(TextSchema, gems.key!)).toEqual({
      parts: [{ platform: "os" }, { literal: "-gems-" }, { checksum: "Gemfile.lock" }],
    });
    const [ruby] = job("test-3_2").caches;
    expect([ruby.name, ruby.paths]).toEqual(["ruby", ["vendor/bundle"]]);
    expect(toJson(TextSchema, ruby.key!)).toEqual({
      parts: [
        { platform: "os" },
        { literal: "-" },
        { platform: "arch" },
        { literal: "-ruby-" },
        { checksum: "Gemfile.lock" },
      ],
    });
  });

  it("sets skippable, timeout, trigger, checkout and workflows", () => {
    expect([job("test-3_2").skippable, job("setup").skippable]).toEqual([true, false]);
    expect(job("test-3_2").timeoutMinutes).toBe(30);
    expect(job("deploy").trigger?.manual).toBe(true);
    expect(job("deploy").checkout).toMatchObject({ enabled: true, depth: 0 });
    expect(job("deploy").workflow).toBe("release");
    expect(model.workflows.map((w) => [w.id, w.triggers?.manual, w.triggers?.push?.tags])).toEqual([
      ["ci", false, []],
      ["release", true, ["v*"]],
    ]);
  });
});

describe("buildModel: Node monorepo", () => {
  const text = fixture("node-monorepo.yml");

  it("expands arch in the matrix into the job's arch", () => {
    const { model, diagnostics } = build(text);
    expect(diagnostics).toEqual([]);
    expect(model.jobs.map((j) => [j.id, j.arch])).toEqual([
      ["lint", ""],
      ["test-20-amd64", "amd64"],
      ["test-22-amd64", "amd64"],
      ["test-22-arm64", "arm64"],
      ["nightly", ""],
    ]);
    expect(model.jobs[1].packages).toEqual(["node"]);
    expect(model.jobs[4].needsAny).toEqual(["lint", "test-20-amd64", "test-22-amd64", "test-22-arm64"]);
  });

  it("uses the target's runner settings and provider_config", () => {
    const github = build(text).model;
    expect(github.jobs[0].runner).toMatchObject({ className: "medium", settingsJson: '{"runs-on":"ubuntu-latest"}' });
    expect(github.providerConfigJson).toBe('{"permissions":{"contents":"read"}}');
    expect(github.jobs.find((j) => j.id === "nightly")?.providerConfigJson).toBe('{"continue-on-error":true}');
    const circle = build(text, "circleci").model;
    expect(circle.jobs[0].runner?.settingsJson).toBe('{"resource_class":"medium"}');
    expect(circle.providerConfigJson).toBe("");
  });

  it("leaves out jobs limited to other providers", () => {
    expect(build(text).model.jobs.map((j) => j.id)).not.toContain("circle-only");
    expect(build(text, "circleci").model.jobs.map((j) => j.id)).toContain("circle-only");
  });

  it("adds a job's schedule to its workflow", () => {
    expect(build(text).model.workflows[0].triggers?.schedules).toEqual(["0 3 * * *"]);
    expect(build(text).model.jobs.find((j) => j.id === "nightly")?.trigger?.cron).toBe("0 3 * * *");
  });
});

describe("buildModel: errors", () => {
  it("reports a kept job needing a left-out job, naming both", () => {
    const { diagnostics } = build(
      "jobs:\n  a: {providers: [gitlab], steps: [{run: x}]}\n  b:\n    needs: [a]\n    steps: [{run: x}]\n",
    );
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: ConfigCodes.NEEDS_EXCLUDED_JOB,
        message: 'job "b" needs job "a", which is limited to gitlab and is left out for github',
        hint: 'add github to the providers of "a", or limit "b" the same way',
        file: "cigen.yml",
        line: 4,
        column: 13,
      },
    ]);
  });

  it("reports a custom runner without settings for the target", () => {
    const { diagnostics } = build(
      "runners: {big: {circleci: {resource_class: large}}}\njobs:\n  a: {runner: big, steps: [{run: x}]}\n",
    );
    expect(diagnostics).toMatchObject([{ code: ConfigCodes.RUNNER_MISSING_PROVIDER, line: 3, column: 15 }]);
  });

  it("reports interpolation errors once for all variants, at the reference", () => {
    const { diagnostics } = build(
      "jobs:\n  a:\n    matrix: {v: [1, 2]}\n    image: 'img:{{ env.TAG }}'\n    steps: [{run: 'echo {{ nope }}'}]\n",
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      [
        ConfigCodes.RUNTIME_REFERENCE_NOT_ALLOWED,
        4,
        17,
        'the image of job "a" cannot use the runtime value {{ env.TAG }}',
      ],
      [
        ConfigCodes.UNKNOWN_REFERENCE,
        5,
        25,
        'a run command of job "a": unknown reference {{ nope }}: no variables are defined',
      ],
    ]);
  });

  it("reports an arch that is not amd64 or arm64", () => {
    const { diagnostics } = build("jobs:\n  a:\n    matrix: {arch: [amd64, riscv]}\n    steps: [{run: x}]\n");
    expect(diagnostics).toMatchObject([
      { code: ConfigCodes.INVALID_ARCH, message: 'job "a-riscv" has arch "riscv"; expected "amd64" or "arm64"' },
    ]);
  });

  it("keeps provider_config verbatim (never interpolated)", () => {
    const { model, diagnostics } = build(
      "provider_config: {github: {x: '{{ nope }}'}}\njobs: {a: {steps: [{run: x}]}}\n",
    );
    expect(diagnostics).toEqual([]);
    expect(model.providerConfigJson).toBe('{"x":"{{ nope }}"}');
  });
});
