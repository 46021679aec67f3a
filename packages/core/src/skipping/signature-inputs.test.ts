import { describe, expect, it } from "vitest";
import { loadOk } from "../../test-fixtures/config/load";
import { buildModel } from "../model/build-model";
import { jobDefinition, signatureJobOf } from "./signature-inputs";

const CONFIG = `runners:
  big: { github: { runs-on: big-runner }, circleci: { resource_class: large } }
skip_store: { type: dir, path: /a }
jobs:
  test:
    runner: big
    source_files: ["src/**", "@docs"]
    skip_if: { env: [NODE_ENV] }
    provider_config: { github: { permissions: { contents: read } } }
    steps:
      - run: make test
source_file_groups:
  docs: ["docs/**"]
`;

const jobFor = (target: string, text = CONFIG) =>
  buildModel(loadOk(text), { target, providers: ["github", "circleci"] }).model.jobs[0];

describe("the provider-neutral definition of a job", () => {
  it("is the same whichever provider the model is for", () => {
    expect(jobDefinition(jobFor("github"))).toEqual(jobDefinition(jobFor("circleci")));
  });

  it("leaves out positions, the store and the signature, but keeps the work", () => {
    const moved = jobFor("github", `\n\n${CONFIG.replace("path: /a", "path: /b")}`);
    moved.signature = "f".repeat(64);
    expect(jobDefinition(moved)).toEqual(jobDefinition(jobFor("github")));
    expect(JSON.stringify(jobDefinition(moved))).not.toMatch(/"loc"|settingsJson|providerConfigJson|store/);
    expect(jobDefinition(jobFor("github", CONFIG.replace("make test", "make check")))).not.toEqual(
      jobDefinition(jobFor("github")),
    );
  });

  it("gives the engine the globs, env names and needs", () => {
    expect(signatureJobOf(jobFor("github"))).toMatchObject({
      id: "test",
      sourceFiles: ["src/**", "@docs"],
      envNames: ["NODE_ENV"],
      skippable: true,
      needs: [],
    });
  });
});
