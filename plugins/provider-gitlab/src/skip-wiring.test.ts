// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitLab variables, meant literally.
import { create } from "@bufbuild/protobuf";
import { GenerateRequestSchema, type Model } from "@cigen/protocol";
import { CONTINUATION_FLAGS, FETCHED_FLAGS, job, modelOf, SETUP_FLAGS, skip } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFindings, validateFiles } from "../../../test/support/validators";
import { generate } from "./generate";

const out = { path: "dist/", retentionHours: 24, name: "build-0" };

function pipeline(type: string, signature = "") {
  return modelOf([
    job("build", { skip: skip(["src/**"], type, { path: "/s" }), artifacts: [out], signature }),
    job("test", {
      needs: ["build"],
      skip: skip(["t/**"], type, { path: "/s" }),
      artifactInputs: [{ fromJob: "build", artifact: out }],
      signature,
      trigger: { cron: "0 1 * * *" },
    }),
    job("solo"),
  ]);
}

async function generated(m: Model, flags: Record<string, string>) {
  const r = generate(create(GenerateRequestSchema, { target: "gitlab", model: m, flags }));
  const text = r.fragments?.[0].content ?? "";
  const findings = await validateFiles("gitlab", [{ file: ".gitlab-ci.yml", text }]);
  expect(formatFindings(findings)).toBe("");
  return { doc: parse(text), diagnostics: r.diagnostics ?? [] };
}

describe("job skipping on gitlab", () => {
  it("native: a planning job hands signatures to each job's cache key as dotenv variables", async () => {
    const { doc } = await generated(pipeline("native"), SETUP_FLAGS);
    expect(doc["cigen-plan"].artifacts).toEqual({ reports: { dotenv: "cigen-signatures.env" } });
    expect(doc.build.needs).toEqual([{ job: "cigen-plan", artifacts: true }]);
    expect(doc.build.cache).toEqual([
      {
        key: "cigen-skip-build-${CIGEN_SIG_BUILD}",
        paths: [".cigen/skip/build", "dist/"],
        policy: "pull-push",
        when: "on_success",
      },
    ]);
    expect(doc.build.script[0]).toContain("exit 0");
    expect(doc.build.script.at(-1)).toContain("printf");
    expect(doc.solo).toEqual({
      stage: "stage-1",
      rules: [{ when: "on_success" }],
      variables: { GIT_DEPTH: "1", GIT_LFS_SKIP_SMUDGE: "1" },
      script: ["echo solo"],
    });
  });

  it("installs nothing when the core says the command fetches cigen (a repository without cigen in package.json)", async () => {
    const native = (await generated(pipeline("native"), FETCHED_FLAGS)).doc;
    expect(native["cigen-plan"].script).toHaveLength(1);
    expect(native["cigen-plan"].script[0]).toMatch(/^npx --yes cigen@1\.2\.3 signatures --format lines/);
    const child = (await generated(pipeline("dir"), FETCHED_FLAGS)).doc;
    expect(child["cigen-plan"].script).toEqual([
      "npx --yes cigen@1.2.3 continuation --provider gitlab --output cigen-child.yml",
    ]);
    const flags = { ...FETCHED_FLAGS, "skip.mode": "continuation" };
    const continued = (await generated(pipeline("dir", "a".repeat(64)), flags)).doc;
    expect(continued.build.script.at(-1)).toMatch(
      /^\(\nif ! command -v npx [\s\S]* &&\nnpx --yes cigen@1\.2\.3 record --job 'build' --signature a{64}\n\) \|\| echo "cigen: could not record/,
    );
  });

  it("dir: the file only plans and triggers the child pipeline", async () => {
    const { doc } = await generated(pipeline("dir"), SETUP_FLAGS);
    expect(Object.keys(doc)).toEqual(["workflow", "stages", "cigen-plan", "cigen-run"]);
    expect(doc["cigen-plan"].script.at(-1)).toBe(
      "npx --no-install cigen continuation --provider gitlab --output cigen-child.yml",
    );
    expect(doc["cigen-run"].trigger).toMatchObject({
      include: [{ artifact: "cigen-child.yml", job: "cigen-plan" }],
      strategy: "depend",
    });
  });

  it("continuation: records each run job, reads the parent's pipeline source, and is never empty", async () => {
    const { doc } = await generated(pipeline("dir", "a".repeat(64)), CONTINUATION_FLAGS);
    expect(doc.workflow.rules).toEqual([{ when: "always" }]);
    expect(doc.build.script.at(-1)).toContain(`record --job 'build' --signature ${"a".repeat(64)}`);
    expect(doc.test.rules[0].if).toContain('$CIGEN_PIPELINE_SOURCE == "schedule"');
    expect(doc.solo.script).toEqual(["echo solo"]);
    const empty = await generated(modelOf([]), CONTINUATION_FLAGS);
    expect(Object.keys(empty.doc)).toContain("cigen-nothing-to-run");
  });

  it("continuation with GitLab's cache writes the signature into the key", async () => {
    const { doc } = await generated(pipeline("native", "b".repeat(64)), CONTINUATION_FLAGS);
    expect(doc.build.cache[0].key).toBe(`cigen-skip-build-${"b".repeat(64)}`);
    expect(doc.build.needs).toBeUndefined();
  });

  it("warns and wires nothing without the command flag", async () => {
    const { doc, diagnostics } = await generated(pipeline("native"), {});
    expect(diagnostics.map((d) => d.code)).toContain("GITLAB-013");
    expect(doc["cigen-plan"]).toBeUndefined();
  });
});
